#include "core/csv.h"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "core/limits.h"

namespace tunelab {

std::vector<std::string> CsvDialect::notes() const {
    std::vector<std::string> out;
    if (separator == ';') out.push_back("cells separated by semicolons");
    if (separator == '\t') out.push_back("cells separated by tabs");
    if (byte_order_mark) out.push_back("a UTF-8 byte-order mark skipped");
    if (index_column) out.push_back("the unnamed first column (row numbers 0, 1, 2, … as pandas writes them) left out");
    if (decimal_commas) out.push_back("numbers with a decimal comma (3,14) read as 3.14");
    if (dropped_rows > 0)
        out.push_back(std::to_string(dropped_rows) + (dropped_rows == 1 ? " row" : " rows") + " with missing values left out");
    return out;
}

std::string CsvError::describe() const {
    std::string where;
    if (line > 0) where = "line " + std::to_string(line);
    if (column > 0) where += (where.empty() ? "column " : ", column ") + std::to_string(column);
    return where.empty() ? message : where + ": " + message;
}

namespace {

// Spaces around a cell are not part of it; tabs neither, unless they separate the cells.
std::string trim(std::string_view s, char separator) {
    const char* blank = separator == '\t' ? " " : " \t";
    size_t begin = s.find_first_not_of(blank), end = s.find_last_not_of(blank);
    return begin == std::string_view::npos ? std::string() : std::string(s.substr(begin, end - begin + 1));
}

// Splits one line at the separator; a cell in double quotes may hold it, and "" stands for ".
bool split_line(std::string_view line, char separator, std::vector<std::string>& cells, int& bad_column) {
    cells.clear();
    std::string cell;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char ch = line[i];
        if (quoted) {
            if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == separator) {
            cells.push_back(trim(cell, separator));
            cell.clear();
        } else {
            cell += ch;
        }
    }
    cells.push_back(trim(cell, separator));
    if (quoted) bad_column = static_cast<int>(cells.size());
    return !quoted;
}

// The text's non-blank lines, one at a time, split into cells.
class Lines {
public:
    Lines(std::string_view text, char separator) : text_(text), separator_(separator) {}
    // False at the end of the text, or with `error` set for a line that cannot be split.
    bool next(std::vector<std::string>& cells, CsvError& error) {
        while (position_ < text_.size()) {
            size_t end = text_.find('\n', position_);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view line = text_.substr(position_, end - position_);
            position_ = end + 1;
            ++line_;
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines carry nothing
            int bad_column = 0;
            if (!split_line(line, separator_, cells, bad_column)) {
                error = {line_, bad_column, "a quoted cell is not closed"};
                return false;
            }
            return true;
        }
        return false;
    }
    int line() const { return line_; }
    // Lines not yet read: at least as many as the rows still to come.
    size_t lines_left() const {
        return position_ >= text_.size() ? 0 : size_t(std::count(text_.begin() + long(position_), text_.end(), '\n')) + 1;
    }

private:
    std::string_view text_;
    char separator_;
    size_t position_ = 0;
    int line_ = 0;
};

enum class Cell { number, not_a_number, beyond_float };

// The whole cell must be a finite number ("1e3", "-0.5"; not "", "1.2.3", "nan") that a float holds:
// 1e39 is finite as a double but infinite as the float the model trains on.
Cell parse_number(const std::string& cell, double& value) {
    if (cell.empty()) return Cell::not_a_number;
    char* end = nullptr;
    value = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || std::isnan(value)) return Cell::not_a_number;
    return std::fabs(value) <= FLT_MAX ? Cell::number : Cell::beyond_float;
}

// "3,14": a number written with a decimal comma, as spreadsheets in many languages save it.
bool decimal_comma(const std::string& cell) {
    const size_t comma = cell.find(',');
    if (comma == std::string::npos || cell.find(',', comma + 1) != std::string::npos) return false;
    std::string point = cell;
    point[comma] = '.';
    double value = 0;
    return comma > 0 && comma + 1 < cell.size() && parse_number(point, value) == Cell::number;
}

// A cell as a number; with `commas`, "3,14" too (counted in `read_commas`).
Cell read_number(const std::string& cell, bool commas, double& value, bool& read_commas) {
    const Cell kind = parse_number(cell, value);
    if (kind == Cell::number || !commas || !decimal_comma(cell)) return kind;
    std::string point = cell;
    point[cell.find(',')] = '.';
    read_commas = true;
    return parse_number(point, value);
}

std::string cell_problem(Cell kind, const std::string& cell) {
    if (kind == Cell::beyond_float) return limits::quote(cell) + " is beyond the range of a float (±3.4e38)";
    if (decimal_comma(cell))
        return limits::quote(cell) + " has a decimal comma: TuneLab reads numbers with a decimal point (" +
               cell.substr(0, cell.find(',')) + "." + cell.substr(cell.find(',') + 1) +
               "); save the file with '.' as the decimal separator, or read decimal commas (the lab's \"Decimal "
               "commas\"; tunelab-cli: --decimal-comma)";
    return limits::quote(cell) + " is not a number";
}

// How files mark a missing value: an empty cell (pandas writes NaN so), NA, N/A, NaN, null, ?.
bool is_missing(const std::string& cell) {
    std::string lower;
    for (char ch : cell) lower += char(std::tolower(static_cast<unsigned char>(ch)));
    return lower.empty() || lower == "na" || lower == "n/a" || lower == "nan" || lower == "null" || lower == "?";
}

// The first byte that is not part of valid UTF-8, or npos.
size_t invalid_utf8(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return i;
        for (size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
        i += length;
    }
    return std::string_view::npos;
}

// Checks the encoding, skips a UTF-8 byte-order mark and tells the separator from the header line:
// the most frequent of ',', ';' and tab outside quotes (',' when there is none).
bool read_dialect(std::string_view& text, CsvDialect& dialect, CsvError& error) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        error = {0, 0, "the file is UTF-16 text; TuneLab reads UTF-8: save it as UTF-8 (in Excel: \"CSV UTF-8\")"};
        return false;
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
        dialect.byte_order_mark = true;
    }
    if (size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
        const int line = 1 + int(std::count(text.begin(), text.begin() + long(bad), '\n'));
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
        error = {line, 0, std::string("is not UTF-8 text (byte ") + byte +
                              "): TuneLab reads UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")"};
        return false;
    }
    const std::string_view header = text.substr(0, text.find('\n'));
    int counts[3] = {0, 0, 0};
    const char separators[3] = {',', ';', '\t'};
    bool quoted = false;
    for (char ch : header) {
        if (ch == '"') quoted = !quoted;
        for (int k = 0; k < 3 && !quoted; ++k) counts[k] += ch == separators[k];
    }
    const int best = int(std::max_element(counts, counts + 3) - counts);
    dialect.separator = counts[best] > 0 ? separators[best] : ',';
    return true;
}

CsvError too_big(std::string_view text) {
    return {0, 0, "the text is " + limits::describe_bytes(double(text.size())) + "; the limit is " +
                      limits::describe_bytes(double(limits::kMaxCsvBytes))};
}

// Reads the header; refuses an empty text and more columns than the limit.
bool read_header(Lines& lines, std::vector<std::string>& header, CsvError& error) {
    if (!lines.next(header, error)) {
        if (error.message.empty()) error = {0, 0, "the file is empty: it needs a header line and at least one row"};
        return false;
    }
    if (header.size() > size_t(limits::kMaxColumns)) {
        error = {lines.line(), 0, "has " + limits::describe_count(double(header.size())) + " columns; the limit is " +
                                      limits::describe_count(limits::kMaxColumns)};
        return false;
    }
    return true;
}

bool check_row(const Lines& lines, const std::vector<std::string>& cells, size_t columns, CsvError& error) {
    if (cells.size() == columns) return true;
    error = {lines.line(), static_cast<int>(std::min(cells.size(), columns) + 1),
             "has " + std::to_string(cells.size()) + " cells, the header has " + std::to_string(columns)};
    return false;
}

std::string column_list(const std::vector<std::string>& header) {
    constexpr size_t kShown = 12;
    std::string columns;
    for (size_t i = 0; i < std::min(header.size(), kShown); ++i) columns += (i ? ", " : "") + limits::quote(header[i]);
    if (header.size() > kShown) columns += ", … (" + std::to_string(header.size()) + " in all)";
    return columns;
}

}  // namespace

std::optional<CsvTable> parse_csv(std::string_view text, CsvError& error) {
    if (text.size() > limits::kMaxCsvBytes) {
        error = too_big(text);
        return std::nullopt;
    }
    CsvTable table;
    if (!read_dialect(text, table.dialect, error)) return std::nullopt;
    Lines lines(text, table.dialect.separator);
    if (!read_header(lines, table.header, error)) return std::nullopt;
    std::vector<std::string> cells;
    while (lines.next(cells, error)) {
        if (!check_row(lines, cells, table.header.size(), error)) return std::nullopt;
        if (double(table.rows.size() + 1) * double(table.header.size()) > limits::kMaxDataCells) {
            error = {lines.line(), 0, "more than " + limits::describe_count(limits::kMaxDataCells) +
                                          " cells (rows × columns), the limit"};
            return std::nullopt;
        }
        table.rows.push_back(cells);
        table.row_lines.push_back(lines.line());
    }
    if (!error.message.empty()) return std::nullopt;
    if (table.rows.empty()) {
        error = {0, 0, "the file has a header but no rows"};
        return std::nullopt;
    }
    return table;
}

std::optional<std::vector<std::string>> parse_csv_header(std::string_view text, CsvError& error) {
    // Past the first line with a cell on it; a byte-order mark is not a cell (read_dialect skips it).
    size_t end = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (end < text.size()) {
        const size_t line_end = std::min(text.find('\n', end), text.size());
        const std::string_view line = text.substr(end, line_end - end);
        end = line_end + 1;
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) break;
    }
    std::string_view head = text.substr(0, std::min(end, text.size()));
    CsvDialect dialect;
    if (!read_dialect(head, dialect, error)) return std::nullopt;
    Lines lines(head, dialect.separator);
    std::vector<std::string> header;
    if (!read_header(lines, header, error)) return std::nullopt;
    return header;
}

// The refusal of a missing value: where the first is, and how many rows have one (a second pass
// over the text, only when refusing).
CsvError missing_values(std::string_view body, char separator, int line, int column, const std::vector<std::string>& header) {
    Lines lines(body, separator);
    std::vector<std::string> cells;
    CsvError ignored;
    int rows = 0;
    lines.next(cells, ignored);  // the header
    while (lines.next(cells, ignored)) rows += std::any_of(cells.begin(), cells.end(), is_missing) ? 1 : 0;
    return {line, column + 1,
            "a missing value in column " + limits::quote(header[size_t(column)]) + "; " + std::to_string(rows) +
                (rows == 1 ? " row has" : " rows have") +
                " one: drop them (the lab's \"Drop rows with missing values\"; tunelab-cli: --drop-missing) or fill them in"};
}

// Streams the rows straight into floats: the text is the only copy of the cells, so a file within
// the byte limit needs at most about its own size again in memory.
CsvLoad load_csv(std::string_view text, const std::string& target_column, Task task, bool drop_missing,
                 bool decimal_comma) {
    CsvLoad result;
    auto refuse = [&](CsvError error) {
        result.error = std::move(error);
        return result;
    };
    if (text.size() > limits::kMaxCsvBytes) return refuse(too_big(text));
    CsvError error;
    if (!read_dialect(text, result.dialect, error)) return refuse(error);
    const std::string_view body = text;
    Lines lines(text, result.dialect.separator);
    std::vector<std::string> header;
    if (!read_header(lines, header, error)) return refuse(error);
    auto target_it = std::find(header.begin(), header.end(), target_column);
    if (target_it == header.end())
        return refuse({1, 0, "no column named " + limits::quote(target_column) + " (columns: " + column_list(header) + ")",
                       "target"});
    const int target = static_cast<int>(target_it - header.begin());
    const int features = static_cast<int>(header.size()) - 1;
    if (features < 1) return refuse({1, 0, "needs at least one feature column besides the target"});
    // Checked before allocating: every line left may be a row.
    const size_t most_rows = lines.lines_left();
    if (double(most_rows) * double(header.size()) > limits::kMaxDataCells)
        return refuse({0, 0, "has up to " + limits::describe_count(double(most_rows)) + " rows × " +
                                 std::to_string(header.size()) + " columns; the limit is " +
                                 limits::describe_count(limits::kMaxDataCells) + " cells"});

    RawData raw;
    raw.info.task = task;
    raw.all.x.resize(features, Eigen::Index(most_rows));
    raw.all.y.resize(Eigen::Index(most_rows));
    for (int c = 0; c < static_cast<int>(header.size()); ++c)
        if (c != target) raw.info.feature_names.push_back(header[c]);

    // Class labels in order of first appearance, found in a map: many labels must not cost
    // rows × labels.
    std::map<std::string, int> label_index;
    std::vector<std::string> labels;
    bool numeric_labels = true, whole_labels = true;
    // A nameless first feature column holding the row numbers is pandas' index (checked row by row).
    bool index_column = target != 0 && header.size() > 2 && (header[0].empty() || header[0] == "Unnamed: 0");
    std::vector<std::string> cells;
    int samples = 0, rows_read = 0;
    while (lines.next(cells, error)) {
        if (!check_row(lines, cells, header.size(), error)) return refuse(error);
        const int row = rows_read++;
        if (const auto missing = std::find_if(cells.begin(), cells.end(), is_missing); missing != cells.end()) {
            if (drop_missing) {
                ++result.dialect.dropped_rows;
                continue;
            }
            return refuse(missing_values(body, result.dialect.separator, lines.line(), int(missing - cells.begin()), header));
        }
        index_column = index_column && cells[0] == std::to_string(row);
        int f = 0;
        double value = 0;
        for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
            if (c == target) continue;
            if (Cell kind = read_number(cells[c], decimal_comma, value, result.dialect.decimal_commas); kind != Cell::number)
                return refuse({lines.line(), c + 1, cell_problem(kind, cells[c]) + " (column " + limits::quote(header[c]) + ")"});
            raw.all.x(f++, samples) = static_cast<float>(value);
        }
        const std::string& label = cells[target];
        if (task == Task::classification) {
            auto [it, added] = label_index.emplace(label, int(labels.size()));
            if (added) {
                if (labels.size() == size_t(limits::kMaxClasses))
                    return refuse({lines.line(), target + 1,
                                   "target column " + limits::quote(target_column) + " has more than " +
                                       std::to_string(limits::kMaxClasses) +
                                       " distinct labels, the limit for classes: is it a continuous target? "
                                       "Choose the regression task for it (tunelab-cli: --task regression)",
                                   "target"});
                labels.push_back(label);
                numeric_labels = numeric_labels && parse_number(label, value) == Cell::number;  // class names stay text
                whole_labels = whole_labels && numeric_labels && value == std::floor(value);
            }
            raw.all.y(samples) = static_cast<float>(it->second);
        } else {
            if (Cell kind = read_number(label, decimal_comma, value, result.dialect.decimal_commas); kind != Cell::number)
                return refuse({lines.line(), target + 1,
                               "target " + cell_problem(kind, label) + " (regression needs numbers)"});
            raw.all.y(samples) = static_cast<float>(value);
        }
        ++samples;
    }
    if (!error.message.empty()) return refuse(error);
    if (samples == 0)
        return refuse({0, 0, result.dialect.dropped_rows ? "every row has a missing value: no rows are left"
                                                         : "the file has a header but no rows"});
    raw.all.x.conservativeResize(Eigen::NoChange, samples);
    raw.all.y.conservativeResize(samples);
    if (index_column) {
        result.dialect.index_column = true;
        raw.all.x = raw.all.x.bottomRows(raw.all.x.rows() - 1).eval();
        raw.info.feature_names.erase(raw.info.feature_names.begin());
    }

    if (task == Task::classification) {
        // Fractions are measurements, not class names (many distinct labels are refused above).
        if (numeric_labels && !whole_labels)
            return refuse({0, target + 1,
                           "target column " + limits::quote(target_column) + " looks continuous (" +
                               std::to_string(labels.size()) + " distinct numbers in " + std::to_string(samples) +
                               " rows, not all whole): choose the regression task (tunelab-cli: --task regression)",
                           "target"});
        if (labels.size() < 2)
            return refuse({0, target + 1,
                           "target column " + limits::quote(target_column) + " has only 1 class; classification needs at least 2",
                           "target"});
        // Numeric labels are numbered by value, so "0" stays class 0.
        if (numeric_labels) {
            std::vector<int> order(labels.size());
            for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
                return std::strtod(labels[size_t(a)].c_str(), nullptr) < std::strtod(labels[size_t(b)].c_str(), nullptr);
            });
            std::vector<float> rank(labels.size());
            std::vector<std::string> sorted;
            for (size_t r = 0; r < order.size(); ++r) {
                rank[size_t(order[r])] = float(r);
                sorted.push_back(labels[size_t(order[r])]);
            }
            for (int r = 0; r < samples; ++r) raw.all.y(r) = rank[size_t(raw.all.y(r))];
            labels = std::move(sorted);
        }
        raw.info.classes = static_cast<int>(labels.size());
        raw.info.class_names = labels;
    }
    result.data = std::move(raw);
    return result;
}

}  // namespace tunelab
