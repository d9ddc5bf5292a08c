#include "core/csv.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/limits.h"

namespace tunelab {

std::string CsvError::describe() const {
    std::string where;
    if (line > 0) where = "line " + std::to_string(line);
    if (column > 0) where += ", column " + std::to_string(column);
    return where.empty() ? message : where + ": " + message;
}

namespace {

std::string trim(std::string_view s) {
    size_t begin = s.find_first_not_of(" \t"), end = s.find_last_not_of(" \t");
    return begin == std::string_view::npos ? std::string() : std::string(s.substr(begin, end - begin + 1));
}

// Splits one line at commas; a cell in double quotes may hold commas, and "" stands for ".
bool split_line(std::string_view line, std::vector<std::string>& cells, int& bad_column) {
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
        } else if (ch == ',') {
            cells.push_back(trim(cell));
            cell.clear();
        } else {
            cell += ch;
        }
    }
    cells.push_back(trim(cell));
    if (quoted) bad_column = static_cast<int>(cells.size());
    return !quoted;
}

// The text's non-blank lines, one at a time, split into cells.
class Lines {
public:
    explicit Lines(std::string_view text) : text_(text) {}
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
            if (!split_line(line, cells, bad_column)) {
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

std::string cell_problem(Cell kind, const std::string& cell) {
    return limits::quote(cell) + (kind == Cell::beyond_float ? " is beyond the range of a float (±3.4e38)" : " is not a number");
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
    Lines lines(text);
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

// Streams the rows straight into floats: the text is the only copy of the cells, so a file within
// the byte limit needs at most about its own size again in memory.
CsvLoad load_csv(std::string_view text, const std::string& target_column, Task task) {
    CsvLoad result;
    auto refuse = [&](CsvError error) {
        result.error = std::move(error);
        return result;
    };
    if (text.size() > limits::kMaxCsvBytes) return refuse(too_big(text));
    Lines lines(text);
    std::vector<std::string> header;
    CsvError error;
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
    bool numeric_labels = true;
    std::vector<std::string> cells;
    int samples = 0;
    while (lines.next(cells, error)) {
        if (!check_row(lines, cells, header.size(), error)) return refuse(error);
        int f = 0;
        double value = 0;
        for (int c = 0; c < static_cast<int>(cells.size()); ++c) {
            if (c == target) continue;
            if (Cell kind = parse_number(cells[c], value); kind != Cell::number)
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
                                       "Choose the regression task for it",
                                   "target"});
                labels.push_back(label);
                numeric_labels = numeric_labels && parse_number(label, value) == Cell::number;
            }
            raw.all.y(samples) = static_cast<float>(it->second);
        } else {
            if (Cell kind = parse_number(label, value); kind != Cell::number)
                return refuse({lines.line(), target + 1,
                               "target " + cell_problem(kind, label) + " (regression needs numbers)"});
            raw.all.y(samples) = static_cast<float>(value);
        }
        ++samples;
    }
    if (!error.message.empty()) return refuse(error);
    if (samples == 0) return refuse({0, 0, "the file has a header but no rows"});
    raw.all.x.conservativeResize(Eigen::NoChange, samples);
    raw.all.y.conservativeResize(samples);

    if (task == Task::classification) {
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
