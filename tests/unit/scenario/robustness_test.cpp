// No input may crash or hang the loader: thousands of deterministic mutations of a valid
// scenario (bytes changed, lines deleted, duplicated or swapped, text cut short) must each load
// or fail with diagnostics, never throw or crash. Run under the asan preset this also checks
// memory safety.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "rule_check.hpp"
#include "scenario/load.hpp"

namespace mdasim {
namespace {

// A small deterministic generator (SplitMix64), so the mutations are the same on every run.
class Mutator {
 public:
  explicit Mutator(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

  std::string mutate(std::string text) {
    static const char* const kTokens[] = {"[", "]", "{", "}", ":", "- ", "&a ", "*a", "#", "'", "\"",
                                          "\n", "  ", "\t", "!!map ", "? ", "|", ">", "%", "@", "---\n",
                                          "1e999", "-5", "0", "nan", "~", "null", "\xff", "zz"};
    const int edits = 1 + static_cast<int>(below(4));
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = below(text.size());
      switch (below(6)) {
        case 0: text[at] = static_cast<char>(below(256)); break;
        case 1: text.insert(at, kTokens[below(std::size(kTokens))]); break;
        case 2: text.erase(at, 1 + below(20)); break;
        case 3: {  // duplicate a line
          const std::size_t start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
          const std::size_t end = text.find('\n', at);
          if (end != std::string::npos) text.insert(start, text.substr(start, end - start + 1));
          break;
        }
        case 4: text.resize(at); break;
        default: {  // change indentation
          const std::size_t line = text.find('\n', at);
          if (line != std::string::npos) text.insert(line + 1, std::string(below(5), ' '));
        }
      }
    }
    return text;
  }

 private:
  std::uint64_t state_;
};

TEST(Robustness, MutatedScenariosNeverCrashOrThrow) {
  const std::string original = test::read_text(test::data_path("valid/reference-example.yaml"));
  ASSERT_FALSE(original.empty());
  // MDASIM_FUZZ_ITERATIONS and MDASIM_FUZZ_SEED allow longer searches by hand.
  const char* iterations_env = std::getenv("MDASIM_FUZZ_ITERATIONS");
  const char* seed_env = std::getenv("MDASIM_FUZZ_SEED");
  const int iterations = iterations_env ? std::atoi(iterations_env) : 3000;
  // Named as if beside the original, so its relative geodata paths resolve.
  const std::string name = test::data_path("valid/fuzz.yaml");
  Mutator m(seed_env ? std::strtoull(seed_env, nullptr, 10) : 20261125);
  int loaded = 0;
  int rejected = 0;
  for (int i = 0; i < iterations; ++i) {
    const std::string text = m.mutate(original);
    Diagnostics d;
    std::optional<Scenario> s;
    ASSERT_NO_THROW(s = load_scenario_text(text, name, d)) << "mutation " << i;
    if (s) {
      ++loaded;
    } else {
      ++rejected;
      // A rejection always says why, with a location in the file.
      ASSERT_TRUE(d.has_errors()) << "mutation " << i;
      ASSERT_FALSE(d.items().empty());
      for (const Diagnostic& x : d.items()) {
        ASSERT_EQ(x.message.find("internal error"), std::string::npos) << "mutation " << i << ": " << x.str();
      }
    }
  }
  // Both outcomes occur: the mutations are neither all harmless nor all fatal.
  EXPECT_GT(loaded, 0);
  EXPECT_GT(rejected, iterations / 3);
}

}  // namespace
}  // namespace mdasim
