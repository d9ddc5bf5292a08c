#include "core/csv.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

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

// The whole cell must be a finite number ("1e3", "-0.5"; not "", "1.2.3", "nan").
std::optional<double> parse_number(const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::optional<CsvTable> parse_csv(std::string_view text, CsvError& error) {
    CsvTable table;
    std::vector<std::string> cells;
    int line_number = 0;
    size_t position = 0;
    while (position < text.size()) {
        size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(position, end - position);
        position = end + 1;
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty()) continue;  // blank lines (e.g. at the end) carry nothing
        int bad_column = 0;
        if (!split_line(line, cells, bad_column)) {
            error = {line_number, bad_column, "a quoted cell is not closed"};
            return std::nullopt;
        }
        if (table.header.empty()) {
            table.header = cells;
            continue;
        }
        if (cells.size() != table.header.size()) {
            error = {line_number, static_cast<int>(std::min(cells.size(), table.header.size()) + 1),
                     "has " + std::to_string(cells.size()) + " cells, the header has " +
                         std::to_string(table.header.size())};
            return std::nullopt;
        }
        table.rows.push_back(cells);
        table.row_lines.push_back(line_number);
    }
    if (table.header.empty()) {
        error = {0, 0, "the file is empty: it needs a header line and at least one row"};
        return std::nullopt;
    }
    if (table.rows.empty()) {
        error = {0, 0, "the file has a header but no rows"};
        return std::nullopt;
    }
    return table;
}

CsvLoad load_csv(std::string_view text, const std::string& target_column, Task task) {
    CsvLoad result;
    CsvError error;
    std::optional<CsvTable> table = parse_csv(text, error);
    if (!table) {
        result.error = error;
        return result;
    }
    const auto& header = table->header;
    auto target_it = std::find(header.begin(), header.end(), target_column);
    if (target_it == header.end()) {
        std::string columns;
        for (const auto& h : header) columns += (columns.empty() ? "" : ", ") + h;
        result.error = CsvError{1, 0, "no column named '" + target_column + "' (columns: " + columns + ")", "target"};
        return result;
    }
    const int target = static_cast<int>(target_it - header.begin());
    const int samples = static_cast<int>(table->rows.size());
    const int features = static_cast<int>(header.size()) - 1;
    if (features < 1) {
        result.error = CsvError{1, 0, "needs at least one feature column besides the target"};
        return result;
    }

    RawData raw;
    raw.info.task = task;
    raw.all.x.resize(features, samples);
    raw.all.y.resize(samples);
    for (int c = 0; c < static_cast<int>(header.size()); ++c)
        if (c != target) raw.info.feature_names.push_back(header[c]);

    // Class labels: numbered by value when they are all numbers (so "0" stays class 0), else in
    // order of first appearance.
    std::vector<std::string> labels;
    bool numeric_labels = true;
    for (int r = 0; r < samples; ++r) {
        const std::string& label = table->rows[r][target];
        if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
        numeric_labels = numeric_labels && parse_number(label).has_value();
    }
    if (task == Task::classification && numeric_labels)
        std::stable_sort(labels.begin(), labels.end(), [](const std::string& a, const std::string& b) {
            return *parse_number(a) < *parse_number(b);
        });

    for (int r = 0; r < samples; ++r) {
        const auto& row = table->rows[r];
        int f = 0;
        for (int c = 0; c < static_cast<int>(row.size()); ++c) {
            if (c == target) continue;
            std::optional<double> value = parse_number(row[c]);
            if (!value) {
                result.error = CsvError{table->row_lines[r], c + 1,
                                        "'" + row[c] + "' in column '" + header[c] + "' is not a number"};
                return result;
            }
            raw.all.x(f++, r) = static_cast<float>(*value);
        }
        if (task == Task::classification) {
            raw.all.y(r) = static_cast<float>(std::find(labels.begin(), labels.end(), row[target]) - labels.begin());
        } else {
            std::optional<double> value = parse_number(row[target]);
            if (!value) {
                result.error = CsvError{table->row_lines[r], target + 1,
                                        "target '" + row[target] + "' is not a number (regression needs numbers)"};
                return result;
            }
            raw.all.y(r) = static_cast<float>(*value);
        }
    }
    if (task == Task::classification) {
        if (labels.size() < 2) {
            result.error = CsvError{0, target + 1,
                                    "target column '" + target_column + "' has only 1 class; classification needs at least 2",
                                    "target"};
            return result;
        }
        raw.info.classes = static_cast<int>(labels.size());
        raw.info.class_names = labels;
    }
    result.data = std::move(raw);
    return result;
}

}  // namespace tunelab
