// The CSV dialect table: the files learners really have (written by pandas, by spreadsheets in
// several languages, by hand) and what TuneLab does with each — accepted, saying what it recognized,
// or refused with a message that says what to change. One row per dialect; the same table is in the
// closing note of issue #16.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"

using namespace tunelab;

namespace {

struct Dialect {
    const char* name;
    std::string text;
    const char* target;
    Task task = Task::classification;
    bool drop_missing = false;
    // Accepted: the features and rows read, and the note it shows (or ""). Refused: the message part.
    int features = 0, rows = 0;
    const char* note_or_refusal = "";
    bool decimal_comma = false;
};

const std::vector<Dialect>& dialects() {
    static const std::vector<Dialect> all = {
        {"plain: commas, LF", "a,b,y\n1,2,x\n3,4,z\n", "y", Task::classification, false, 2, 2, ""},
        {"Windows line ends (CRLF)", "a,b,y\r\n1,2,x\r\n3,4,z\r\n", "y", Task::classification, false, 2, 2, ""},
        {"UTF-8 byte-order mark (Excel's CSV UTF-8)", "\xEF\xBB\xBFy,a\nx,1\nz,2\n", "y", Task::classification, false, 1, 2,
         "a UTF-8 byte-order mark skipped"},
        {"semicolons (spreadsheets where ',' is the decimal mark)", "a;b;y\n1;2;x\n3;4;z\n", "y", Task::classification, false, 2, 2,
         "cells separated by semicolons"},
        {"tabs (TSV, copied from a spreadsheet)", "a\tb\ty\n1\t2\tx\n3\t4\tz\n", "y", Task::classification, false, 2, 2,
         "cells separated by tabs"},
        {"decimal commas with semicolons", "a;y\n1,5;x\n2,5;z\n", "y", Task::classification, false, 0, 0,
         "line 2, column 1: '1,5' has a decimal comma: TuneLab reads numbers with a decimal point (1.5)"},
        {"decimal commas, quoted, with commas", "a,y\n\"1,5\",x\n\"2,5\",z\n", "y", Task::classification, false, 0, 0,
         "'1,5' has a decimal comma"},
        {"decimal commas, read when asked (--decimal-comma)", "a,y\n\"1,5\",x\n\"2,5\",z\n", "y", Task::classification, false,
         1, 2, "numbers with a decimal comma (3,14) read as 3.14", true},
        {"a thousands separator is not a decimal comma", "a,y\n\"1,234,5\",x\n\"2\",z\n", "y", Task::classification, false, 0, 0,
         "'1,234,5' is not a number", true},
        {"pandas' index column (to_csv default)", ",a,b,y\n0,5,1,x\n1,6,2,z\n2,7,3,x\n", "y", Task::classification, false, 2, 3,
         "the unnamed first column (row numbers 0, 1, 2, … as pandas writes them) left out"},
        {"pandas' index read and written again (Unnamed: 0)", "Unnamed: 0,a,b,y\n0,5,1,x\n1,6,2,z\n", "y", Task::classification,
         false, 2, 2, "the unnamed first column"},
        {"a nameless first column that is data", ",a,y\n7,5,x\n3,6,z\n", "y", Task::classification, false, 2, 2, ""},
        {"continuous target as classes (fractions)", "a,y\n1,0.5\n2,1.25\n3,0.5\n", "y", Task::classification, false, 0, 0,
         "looks continuous (2 distinct numbers in 3 rows, not all whole): choose the regression task"},
        {"continuous target as regression", "a,y\n1,0.5\n2,1.25\n3,0.5\n", "y", Task::regression, false, 1, 3, ""},
        {"Latin-1 text (not UTF-8)", "a,y\n1,caf\xE9\n2,tea\n", "y", Task::classification, false, 0, 0,
         "line 2: is not UTF-8 text (byte 0xE9): TuneLab reads UTF-8; save the file as UTF-8"},
        {"UTF-16 (Excel's Unicode text)", std::string("\xFF\xFE" "a\0,\0y\0", 9), "y", Task::classification, false, 0, 0,
         "the file is UTF-16 text; TuneLab reads UTF-8"},
        {"missing values, refused with the count", "a,b,y\n1,,x\n2,NA,z\n3,4,x\n", "y", Task::classification, false, 0, 0,
         "line 2, column 2: a missing value in column 'b'; 2 rows have one: drop them"},
        {"missing values, rows dropped when asked", "a,b,y\n1,,x\n2,NaN,z\n3,4,x\n4,5,z\n", "y", Task::classification, true, 2, 2,
         "2 rows with missing values left out"},
        {"a missing class label", "a,y\n1,x\n2,\n3,z\n", "y", Task::classification, false, 0, 0,
         "line 3, column 2: a missing value in column 'y'; 1 row has one"},
        {"text in a feature column", "a,y\n1,x\nabc,z\n", "y", Task::classification, false, 0, 0,
         "line 3, column 1: 'abc' is not a number (column 'a')"},
    };
    return all;
}

}  // namespace

TEST_CASE("CSV dialects: each is accepted with what was recognized, or refused saying what to change") {
    for (const Dialect& d : dialects()) {
        CAPTURE(d.name);
        const CsvLoad load = load_csv(d.text, d.target, d.task, d.drop_missing, d.decimal_comma);
        if (d.features > 0) {
            REQUIRE(load.data);
            CHECK(load.data->all.features() == d.features);
            CHECK(load.data->all.samples() == d.rows);
            const std::vector<std::string> notes = load.dialect.notes();
            if (*d.note_or_refusal) {
                REQUIRE(notes.size() == 1);
                CHECK(notes[0].find(d.note_or_refusal) == 0);
            } else {
                CHECK(notes.empty());
            }
        } else {
            REQUIRE(load.error);
            CHECK(load.error->describe().find(d.note_or_refusal) != std::string::npos);
        }
    }
}

TEST_CASE("CSV dialects: the values survive the dialect (BOM, separators, pandas' index)") {
    const CsvLoad semicolons = load_csv("\xEF\xBB\xBF" ";a;b;y\n0;1.5;-2;x\n1;3e2;4;z\n", "y", Task::classification);
    REQUIRE(semicolons.data);
    CHECK(semicolons.data->info.feature_names == std::vector<std::string>{"a", "b"});
    CHECK(semicolons.data->all.x(0, 1) == 300.0f);
    CHECK(semicolons.data->all.x(1, 0) == -2.0f);
    CHECK(semicolons.dialect.notes().size() == 3);  // semicolons, byte-order mark, index column
    // Decimal commas, when asked: features and a regression target; class names stay text.
    const CsvLoad commas = load_csv("a;b;y\n1,5;x;2,25\n-3,5;z;1e3\n", "y", Task::regression, false, true);
    REQUIRE(!commas.data);  // 'x' is no number, commas or not
    const CsvLoad read = load_csv("a;y\n1,5;2,25\n-3,5;1e3\n", "y", Task::regression, false, true);
    REQUIRE(read.data);
    CHECK(read.data->all.x(0, 0) == 1.5f);
    CHECK(read.data->all.x(0, 1) == -3.5f);
    CHECK(read.data->all.y(0) == 2.25f);
    CHECK(read.dialect.notes() == std::vector<std::string>{"cells separated by semicolons", "numbers with a decimal comma (3,14) read as 3.14"});
    // The header line of a table (the lab lists its columns) is read in the same dialect.
    CsvError error;
    const std::optional<CsvTable> table = parse_csv("\xEF\xBB\xBFh\tw\tlabel\n1\t2\tx\n", error);
    REQUIRE(table);
    CHECK(table->header == std::vector<std::string>{"h", "w", "label"});
}

TEST_CASE("CSV dialects: the header alone is read in the file's dialect, and nothing past it") {
    for (const Dialect& d : dialects()) {
        CAPTURE(d.name);
        CsvError table_error, header_error;
        const std::optional<CsvTable> table = parse_csv(d.text, table_error);
        const std::optional<std::vector<std::string>> header = parse_csv_header(d.text, header_error);
        if (table) CHECK(header == table->header);
        else if (!header) CHECK(header_error.message == table_error.message);  // refused for the header line itself
    }
    // The lab asks every frame: rows that are cut, ragged or not UTF-8 are the loader's business.
    CsvError error;
    const std::string rows = "1,2,x\n" + std::string(size_t(4) << 20, '\xFF') + "\n1,2\n\"open";
    CHECK(parse_csv_header("\xEF\xBB\xBF" "a;b;label\n" + rows, error) == std::vector<std::string>{"a", "b", "label"});
    CHECK(parse_csv_header("\n \na,b,label\n" + rows, error) == std::vector<std::string>{"a", "b", "label"});
    // A byte-order mark alone on the first line, as fuzzing found: the header is the next line with a cell.
    CHECK(parse_csv_header("\xEF\xBB\xBF\n\n a,b\n" + rows, error) == std::vector<std::string>{"a", "b"});
    CHECK(parse_csv_header("h\tw\tlabel\r\n" + rows, error) == std::vector<std::string>{"h", "w", "label"});
    CHECK(!parse_csv_header("a,\"b,label\n" + rows, error));
    CHECK(error.message == "a quoted cell is not closed");
}
