// What the name of an entity (and a reference to one) may hold. Names are matched exactly and
// printed in messages, tables and results files, so characters that do not show, or that move
// the cursor, are refused wherever they stand:
//   - control characters: C0 (U+0000-U+001F, tab and line breaks included), DEL (U+007F) and
//     C1 (U+0080-U+009F);
//   - the line and paragraph separators U+2028, U+2029;
//   - invisible formatting: zero-width characters and direction marks U+200B-U+200F,
//     U+2060-U+2064, U+FEFF, and the bidirectional embeddings and isolates U+202A-U+202E,
//     U+2066-U+2069, which reorder how the text around them is shown;
// and whitespace (space and the Unicode spaces, no-break space included) is refused at either
// end, where it cannot be seen but makes 'Mactan AB ' a name other than 'Mactan AB'.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mdasim {

// What is wrong with `name` ("holds a control character (U+0007) at character 8"), or nothing.
[[nodiscard]] std::optional<std::string> name_fault(std::string_view name);

// `text` with every refused character written as <U+XXXX>, for messages.
[[nodiscard]] std::string shown_name(std::string_view text);

}  // namespace mdasim
