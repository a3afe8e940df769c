// Text from an input made safe to print in a one-line message: control characters (C0, DEL and
// C1, among them ESC, which starts terminal escape sequences), the Unicode line and paragraph
// separators and the bidirectional formatting characters are written as escapes (`\n`, `\t`,
// `\x1b`, `\u2028`), and bytes that are not well-formed UTF-8 as `\xNN`. Everything else, such
// as accented or non-Latin letters, is kept. Backslashes are kept as they are.
#pragma once

#include <string>
#include <string_view>

namespace mdasim {

[[nodiscard]] std::string printable(std::string_view text);

}  // namespace mdasim
