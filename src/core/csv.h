#pragma once
// The CSV loader for real data sets and the learner's own files: a header line of column names,
// then one sample per line, comma-separated. Features must be numeric; a classification target may
// be any text (each distinct label becomes a class: numbered by value when all labels are numbers,
// else in order of first appearance).
// Loads from a string, because the browser's file picker hands bytes, not a path. Bounded by
// core/limits.h: the text's size, columns, rows × columns and classes are checked before allocating.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace tunelab {

struct CsvError {
    int line = 0;    // 1-based line in the text (0 = the file as a whole)
    int column = 0;  // 1-based column (0 = the line as a whole)
    std::string message;
    std::string field = "csv";  // the setting to fix: "csv" (the file) or "target" (the column)
    std::string describe() const;  // "line 7, column 3: 'abc' is not a number"
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // cells as text, each row as long as the header
    std::vector<int> row_lines;                  // the text line each row came from (1-based)
};

struct CsvLoad {
    std::optional<RawData> data;
    std::optional<CsvError> error;  // set iff data is not
};

// Splits text into cells; refuses empty files, ragged rows and unterminated quotes.
std::optional<CsvTable> parse_csv(std::string_view text, CsvError& error);

// Converts a parsed table into samples: the target column by header name, every other column a
// numeric feature. Classification needs at least 2 distinct labels; regression a numeric target.
CsvLoad load_csv(std::string_view text, const std::string& target_column, Task task);

}  // namespace tunelab
