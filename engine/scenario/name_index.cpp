// Looking names up, with suggestions for the ones that are not there.
#include "scenario/name_index.hpp"

#include "core/suggest.hpp"

namespace mdasim {

std::optional<int> NameIndex::add(const std::string& key, int index) {
  const auto [it, inserted] = index_.emplace(key, index);
  if (!inserted) return it->second;
  keys_.push_back(key);
  return std::nullopt;
}

std::optional<int> NameIndex::find(const std::string& key) const {
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::string NameIndex::suggestion(std::string_view key) const { return did_you_mean(key, keys_); }

int NameIndex::resolve(const std::string& key, const SourceLocation& where, const std::string& user,
                       const ReadNotes* notes, Diagnostics& d) const {
  if (const std::optional<int> found = find(key)) return *found;
  if (notes != nullptr) {
    const std::pair<std::string, std::string> id{section_, key};
    if (notes->unreadable.contains(id)) return kNoIndex;
    if (const auto removed = notes->removed.find(id); removed != notes->removed.end()) {
      d.error(removed->second, "the option removes " + kind_ + " '" + key + "', which " + user +
                                   " still uses (at " + where.str() + ")");
      return kNoIndex;
    }
  }
  d.error(where, user + ": no " + kind_ + " named '" + key + "'" + suggestion(key));
  return kNoIndex;
}

}  // namespace mdasim
