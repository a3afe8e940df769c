// Collects the errors and warnings found in an input, each with its source location, so that a
// user sees every problem of a file in one pass. Printed as `file:line:col: error: message`, one
// line each: control characters and malformed UTF-8 in the file name or the message (which may
// quote the input) are escaped (core/printable.hpp).
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/source_location.hpp"

namespace mdasim {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLocation where;
  std::string message;

  // The printed line, escaped (core/printable.hpp).
  [[nodiscard]] std::string str() const;
};

class Diagnostics {
 public:
  // Stops recording (but keeps counting) past this many, so a pathological file cannot flood.
  static constexpr std::size_t kMaxRecorded = 200;

  void error(const SourceLocation& where, std::string message);
  void warning(const SourceLocation& where, std::string message);
  // Adds every diagnostic of `other`.
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const { return error_count_ > 0; }
  [[nodiscard]] std::size_t error_count() const { return error_count_; }
  [[nodiscard]] std::size_t warning_count() const { return warning_count_; }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }

  // Errors and warnings in the order they were found; a last line if some were not recorded.
  void print(std::ostream& out) const;

 private:
  void add(Severity severity, const SourceLocation& where, std::string message);
  [[nodiscard]] std::size_t count(Severity severity) const;  // among recorded items

  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
  std::size_t warning_count_ = 0;
  std::size_t dropped_ = 0;
};

// Thrown when an input cannot be used; carries every diagnostic found.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics diagnostics);
  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  Diagnostics diagnostics_;
};

}  // namespace mdasim
