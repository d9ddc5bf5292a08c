#pragma once
// The CSV loader for real data sets and the learner's own files: a header line of column names,
// then one sample per line, separated by commas (or by semicolons or tabs, told from the header
// line), UTF-8 with or without a byte-order mark. The dialects learners' files come in, and what
// happens to each, are listed in tests/core/csv_dialect_test.cpp. Features must be numeric; a classification target may
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

// What the loader recognized in a file beyond the plain format; notes() tells the learner.
struct CsvDialect {
    char separator = ',';
    bool byte_order_mark = false;
    // A first column without a name whose cells are 0, 1, 2, … (the index pandas writes by
    // default): row numbers, not a feature, and as a feature it would leak the order of the rows.
    bool index_column = false;
    int dropped_rows = 0;  // rows with a missing value, left out when asked to (DataConfig::drop_missing)
    bool decimal_commas = false;  // numbers written "3,14" read as 3.14, when asked to (DataConfig::decimal_comma)
    std::vector<std::string> notes() const;
};

struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // cells as text, each row as long as the header
    std::vector<int> row_lines;                  // the text line each row came from (1-based)
    CsvDialect dialect;                          // separator and byte-order mark
};

struct CsvLoad {
    std::optional<RawData> data;
    std::optional<CsvError> error;  // set iff data is not
    CsvDialect dialect;
};

// Splits text into cells; refuses empty files, ragged rows and unterminated quotes.
std::optional<CsvTable> parse_csv(std::string_view text, CsvError& error);

// The header's column names alone, in the same dialect (byte-order mark, separator): for the lab's
// target picker, drawn every frame, so only the text up to the first non-blank line is read.
std::optional<std::vector<std::string>> parse_csv_header(std::string_view text, CsvError& error);

// Converts a parsed table into samples: the target column by header name, every other column a
// numeric feature (but a pandas index column, dropped). Classification needs at least 2 distinct
// labels, and labels that look like measurements (many distinct numbers) are refused with the
// suggestion to choose regression; regression needs a numeric target. A missing value ("", NA,
// NaN, ?) is refused with the count of such rows, or those rows are dropped with `drop_missing`. A
// number with a decimal comma ("3,14") is refused saying so, or read as 3.14 with `decimal_comma`.
CsvLoad load_csv(std::string_view text, const std::string& target_column, Task task, bool drop_missing = false,
                 bool decimal_comma = false);

}  // namespace tunelab
