#pragma once
// Reading and writing the files a learner hands over or keeps (CSV data, search spaces, saved
// studies and sessions). Reads are bounded: a file larger than its limit (or an endless one such as
// /dev/zero) is refused after at most limit + 1 bytes. Writes are atomic: the text goes to a
// temporary file beside the target, which replaces the target only once every byte is on disk, so
// a crash or a full disk never leaves a half-written study or session behind.
#include <optional>
#include <string>
#include <string_view>

namespace tunelab {

struct FileText {
    std::optional<std::string> text;
    std::string error;  // set iff text is not: "cannot read 'x.csv'", "'x.csv' is larger than …"
};
// `what` names the kind of file in the refusal ("a CSV file", "a study file").
FileText read_file(const std::string& path, size_t max_bytes, std::string_view what);

// Returns "" on success, else why the file could not be written (the target is left as it was).
// A target that exists and is not a regular file (/dev/stdout, /dev/full) is written in place.
std::string write_file_atomic(const std::string& path, std::string_view text);

}  // namespace tunelab
