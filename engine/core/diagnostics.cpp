// Diagnostics: formatting and collection of input errors and warnings.
#include "core/diagnostics.hpp"

#include <algorithm>
#include <ostream>
#include <utility>

#include "core/printable.hpp"

namespace mdasim {

std::string SourceLocation::str() const {
  std::string out = file ? *file : std::string("<input>");
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

std::string Diagnostic::str() const {
  // File names and messages may quote the input: escaped, so that a diagnostic is one line and
  // nothing from the input reaches the terminal as a control sequence.
  return printable(where.str()) + (severity == Severity::kError ? ": error: " : ": warning: ") + printable(message);
}

void Diagnostics::error(const SourceLocation& where, std::string message) {
  ++error_count_;
  add(Severity::kError, where, std::move(message));
}

void Diagnostics::warning(const SourceLocation& where, std::string message) {
  ++warning_count_;
  add(Severity::kWarning, where, std::move(message));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) {
    (d.severity == Severity::kError ? error_count_ : warning_count_) += 1;
    add(d.severity, d.where, d.message);
  }
  error_count_ += other.error_count_ - other.count(Severity::kError);
  warning_count_ += other.warning_count_ - other.count(Severity::kWarning);
  dropped_ += other.dropped_;
}

std::size_t Diagnostics::count(Severity severity) const {
  std::size_t n = 0;
  for (const Diagnostic& d : items_) n += d.severity == severity ? 1 : 0;
  return n;
}

void Diagnostics::add(Severity severity, const SourceLocation& where, std::string message) {
  if (items_.size() >= kMaxRecorded) {
    ++dropped_;
    return;
  }
  items_.push_back(Diagnostic{severity, where, std::move(message)});
}

void Diagnostics::print(std::ostream& out) const {
  // Files in the order they first appear, then by line and column within each file.
  std::vector<const std::string*> files;
  auto file_rank = [&](const Diagnostic& d) {
    const std::string* name = d.where.file.get();
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i] == name || (files[i] && name && *files[i] == *name)) return i;
    }
    files.push_back(name);
    return files.size() - 1;
  };
  std::vector<std::pair<std::size_t, const Diagnostic*>> order;
  for (const Diagnostic& d : items_) order.emplace_back(file_rank(d), &d);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second->where.line != b.second->where.line) return a.second->where.line < b.second->where.line;
    return a.second->where.column < b.second->where.column;
  });
  for (const auto& [rank, d] : order) out << d->str() << '\n';
  if (dropped_ > 0) out << "... and " << dropped_ << " more not shown\n";
}

namespace {
std::string first_message(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::kError) return d.str();
  }
  return "invalid input";
}
}  // namespace

InputError::InputError(Diagnostics diagnostics)
    : std::runtime_error(first_message(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace mdasim
