#pragma once
// Every size that comes from input, bounded in one place. Each input (a CSV, a shared link, a saved
// session or study, a search-space file, settings JSON, command-line flags) is checked against these
// before anything is allocated for it, and a refusal names the limit ("… the limit is 32 MiB").
// The values keep the heaviest legitimate use (the bundled data sets, an A2-sized network, a study
// of thousands of trials) well inside them, while the worst input they admit still fits in a
// browser tab's memory and finishes in minutes rather than hours.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tunelab::limits {

// ---- networks
inline constexpr int kMaxHiddenLayers = 8;    // deeper plain MLPs stop training without tricks
inline constexpr int kMaxUnits = 256;         // per hidden layer: 4× the widest bundled example (digits 64)
// Weights and biases of the whole network: 4 M floats are 16 MB, and training keeps about four
// copies (parameters, gradients, two optimizer moments).
inline constexpr double kMaxWeights = 4'000'000;

// ---- data
inline constexpr size_t kMaxCsvBytes = 32u << 20;       // a CSV file or pasted text: 32 MiB
inline constexpr double kMaxDataCells = 8'000'000;      // rows × columns: 32 MB as floats
inline constexpr int kMaxColumns = 4096;                // a 64×64 image per row
inline constexpr int kMaxClasses = 100;                 // distinct labels of a classification target
inline constexpr int kMaxEpochs = 100'000;
// Epochs × training rows: the samples one run pushes through the network (5·10⁷ is about a minute
// natively for an A2-sized network).
inline constexpr double kMaxSamplesTrained = 50'000'000;

// ---- searches
inline constexpr int kMaxTrials = 10'000;          // a study's trials, run or loaded
inline constexpr int kMaxSpaceParams = 64;         // parameters of a search space
inline constexpr int kMaxChoices = 256;            // choices of one categorical parameter
inline constexpr int kMaxJobs = 256;               // trials trained at once (one thread each)
// A Gaussian process costs n³ to fit and n² to store: beyond this many observations BO models
// the best of them only (500² doubles are 2 MB; a fit takes well under a second).
inline constexpr int kMaxGpObservations = 500;
// Earlier trials a warm start carries (the arena's set-up, in links too): two races' worth of the
// largest default race (5 seeds × 3 strategies × 30 trials ≈ 450) fit; a link stays under ~40 KB.
inline constexpr int kMaxWarmTrials = 1000;

// ---- text documents
inline constexpr size_t kMaxJsonBytes = kMaxCsvBytes + (1u << 20);  // a session may carry a CSV
inline constexpr size_t kMaxJsonStringBytes = kMaxCsvBytes;         // … as one string
inline constexpr size_t kMaxJsonValues = 2'000'000;  // parsed values cost ~48 bytes each: ≤ 96 MB
inline constexpr int kMaxJsonDepth = 64;             // recursion depth of the parser
inline constexpr size_t kMaxLinkLength = 256 * 1024; // a shared link's hash, in characters
inline constexpr size_t kMaxQuotedBytes = 40;        // of an input quoted back in a message

// Whole numbers a JSON number (a double) holds exactly: 2⁵³ − 1, JavaScript's MAX_SAFE_INTEGER.
inline constexpr double kMaxExactInteger = 9007199254740991.0;

// "32 MiB", "4.0 TiB": a byte count as a learner reads it.
std::string describe_bytes(double bytes);
// "8 000 000": a count with thin groups, so limits read at a glance.
std::string describe_count(double count);
// The input quoted in a refusal, cut to kMaxQuotedBytes (at a UTF-8 character boundary) with "…":
// a 50 MB cell must not become a 50 MB message.
std::string quote(std::string_view text);

}  // namespace tunelab::limits
