// Regression tests of issue #17: every input size is bounded (core/limits.h) and refused with the
// limit named; the defects D1, D4–D6, D11, D14, D15 found by fuzzing and sanitizers stay fixed.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/csv.h"
#include "core/dataset.h"
#include "core/files.h"
#include "core/json.h"
#include "core/limits.h"
#include "core/settings_json.h"
#include "core/validate.h"

using namespace tunelab;

namespace {

json::Value parse(const std::string& text) {
    json::ParseResult parsed = json::parse(text);
    REQUIRE(parsed.ok());
    return parsed.value;
}

bool mentions(const std::vector<Issue>& issues, const std::string& words) {
    for (const Issue& issue : issues)
        if ((issue.field + ": " + issue.message).find(words) != std::string::npos) return true;
    return false;
}

std::string scratch_file(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / "tunelab-bounds-test";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

}  // namespace

TEST_CASE("D1: a seed of 2^64 in settings JSON is refused; seeds above 2^53 round-trip exactly as strings") {
    DataConfig data;
    // The shared link of the issue carries {"lab":{"data":{"seed":18446744073709551616}}}.
    std::vector<Issue> issues = update_from_json(data, parse(R"({"seed":18446744073709551616})"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == "seed");
    CHECK(issues[0].message.find("9007199254740991") != std::string::npos);
    CHECK(data.seed == DataConfig{}.seed);  // nothing changed
    CHECK_FALSE(update_from_json(data, parse(R"({"seed":9007199254740992})")).empty());  // 2^53: not exact
    CHECK_FALSE(update_from_json(data, parse(R"({"seed":-1})")).empty());
    CHECK_FALSE(update_from_json(data, parse(R"({"seed":"12abc"})")).empty());
    CHECK(update_from_json(data, parse(R"({"seed":9007199254740991})")).empty());
    CHECK(data.seed == 9007199254740991ULL);

    TrainConfig train;
    train.seed = 18446744073709551557ULL;  // a trial's seed, derived from a study's: any 64 bits
    json::Value written = to_json(train);
    CHECK(written.find("seed")->is_string());
    TrainConfig read;
    CHECK(update_from_json(read, parse(written.dump())).empty());
    CHECK(read.seed == train.seed);
    // int fields: a bound a double holds exactly, so 2^31 is refused rather than cast
    CHECK(mentions(update_from_json(train, parse(R"({"epochs":2147483648})")), "epochs: must be a whole number"));
}

TEST_CASE("D4/D14: a CSV over the byte limit, or with too many cells, is refused before anything is allocated") {
    const std::string huge(limits::kMaxCsvBytes + 1, '1');
    CsvLoad load = load_csv(huge, "t", Task::regression);
    REQUIRE(load.error);
    CHECK(load.error->describe().find("the limit is 32 MiB") != std::string::npos);
    CsvError error;
    CHECK_FALSE(parse_csv(huge, error));
    CHECK(error.message.find("32 MiB") != std::string::npos);

    // 4 097 columns: refused at the header.
    std::string wide;
    for (int c = 0; c <= limits::kMaxColumns; ++c) wide += (c ? ",c" : "c") + std::to_string(c);
    load = load_csv(wide + "\n", "c0", Task::regression);
    REQUIRE(load.error);
    CHECK(load.error->describe().find("4 097 columns; the limit is 4 096") != std::string::npos);

    // 2 000 rows × 4 096 columns = 8 192 000 cells: over the cell limit, refused before the matrix.
    std::string header = wide.substr(0, wide.rfind(','));
    std::string rows;
    const std::string row = std::string(size_t(limits::kMaxColumns) * 2 - 1, ',');  // empty cells: cheap text
    for (int r = 0; r < 2000; ++r) rows += row + "\n";
    load = load_csv(header + "\n" + rows, "c0", Task::regression);
    REQUIRE(load.error);
    CHECK(load.error->describe().find("the limit is 8 000 000 cells") != std::string::npos);
}

TEST_CASE("D5: a target with more distinct labels than classes allowed is refused at once, as a likely continuous target") {
    std::string text = "x,y\n";
    for (int i = 0; i < 10000; ++i) text += std::to_string(i) + "," + std::to_string(i) + "\n";
    const auto start = std::chrono::steady_clock::now();
    CsvLoad load = load_csv(text, "y", Task::classification);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(load.error);
    CHECK(load.error->field == "target");
    CHECK(load.error->describe().find("more than 100 distinct labels") != std::string::npos);
    CHECK(load.error->describe().find("regression") != std::string::npos);
    CHECK(seconds < 1.0);
    CHECK(load_csv(text, "y", Task::regression).data);

    // 100 classes are allowed; their numeric labels still number the classes by value.
    std::string hundred = "x,y\n";
    for (int i = 99; i >= 0; --i) hundred += "1," + std::to_string(i) + "\n";
    CsvLoad ok = load_csv(hundred, "y", Task::classification);
    REQUIRE(ok.data);
    CHECK(ok.data->info.classes == 100);
    CHECK(ok.data->all.y(0) == 99.0f);
    CHECK(ok.data->info.class_names[7] == "7");

    // The bundled diabetes set (214 distinct targets) as classification: refused, not 214 classes.
    DataConfig diabetes;
    diabetes.kind = DatasetKind::csv;
    FileText file = read_file(std::string(TUNELAB_ASSETS_DIR) + "/data/diabetes.csv", limits::kMaxCsvBytes, "a CSV file");
    REQUIRE(file.text);
    diabetes.csv_text = *file.text;
    diabetes.target_column = "target";
    diabetes.csv_task = Task::classification;
    DataResult r = prepare_data(diabetes);
    CHECK_FALSE(r.data);
    CHECK(mentions(r.issues, "distinct labels"));
}

TEST_CASE("D6: CSV cells beyond the range of a float are refused, not trained on as infinity") {
    for (const char* cell : {"1e39", "-1e308", "3.5e38"}) {
        INFO(cell);
        CsvLoad load = load_csv(std::string("a,t\n1,0\n") + cell + ",1\n", "t", Task::classification);
        REQUIRE(load.error);
        CHECK(load.error->line == 3);
        CHECK(load.error->column == 1);
        CHECK(load.error->message.find("beyond the range of a float") != std::string::npos);
        CsvLoad target = load_csv(std::string("a,t\n1,0\n2,") + cell + "\n", "t", Task::regression);
        REQUIRE(target.error);
        CHECK(target.error->message.find("beyond the range of a float") != std::string::npos);
    }
    CHECK(load_csv("a,t\n1,0\n3.4e38,1\n", "t", Task::classification).data);
}

TEST_CASE("D11: no validation part on a 2-D set with extra features gives an empty validation part, not a row of nothing") {
    DataConfig c;
    c.kind = DatasetKind::xor_;
    c.validation_ratio = 0;
    c.extra.x_squared = c.extra.sin_y = true;
    DataResult r = prepare_data(c);
    REQUIRE(r.data);
    CHECK(r.data->validation.samples() == 0);
    CHECK(r.data->validation.features() == 4);
    CHECK(r.data->info.train_size == c.size);
}

TEST_CASE("D14: JSON is bounded: document size, values, string length, depth; 1e999 is refused, not infinity") {
    json::ParseResult r = json::parse("[1e999]");
    CHECK(r.error.find("beyond the range of a double") != std::string::npos);
    CHECK(r.column == 2);
    CHECK_FALSE(json::parse("{\"v\":-1e400}").ok());
    CHECK(json::parse("[1e308, 4.9e-324, 1e-400]").ok());

    std::string many = "[";
    for (size_t i = 0; i <= limits::kMaxJsonValues; ++i) many += i ? ",0" : "0";
    many += "]";
    r = json::parse(many);
    CHECK(r.error.find("more than 2 000 000 values") != std::string::npos);

    r = json::parse("\"" + std::string(limits::kMaxJsonStringBytes + 1, 'a') + "\"");
    CHECK(r.error.find("a string longer than 32 MiB") != std::string::npos);
    r = json::parse(std::string(limits::kMaxJsonBytes + 1, ' '));
    CHECK(r.error.find("; the limit is 33 MiB") != std::string::npos);

    // Reading a file stops after limit + 1 bytes: /dev/zero is endless.
    FileText zero = read_file("/dev/zero", 1 << 20, "a test file");
    CHECK_FALSE(zero.text);
    CHECK(zero.error == "'/dev/zero' is larger than 1 MiB, the limit for a test file");
    CHECK(read_file(scratch_file("missing.json"), 10, "x").error.find("cannot read") == 0);
}

TEST_CASE("D15: a refusal quotes at most 40 bytes of the offending input") {
    const std::string cell(20'000'000, 'x');
    CsvLoad load = load_csv("a,t\n" + cell + ",0\n1,1\n", "t", Task::classification);
    REQUIRE(load.error);
    CHECK(load.error->describe().size() < 200);
    CHECK(load.error->describe().find("…' (19.1 MiB) is not a number") != std::string::npos);
    // Cut at a character boundary: 39 ASCII bytes, then a 3-byte character across byte 40.
    const std::string text = std::string(39, 'a') + "调参实验室";
    CHECK(limits::quote(text) == "'" + std::string(39, 'a') + "…' (54 bytes)");
}

TEST_CASE("bounds: a network too large for memory is refused with its size and the limit") {
    DataInfo wide;
    wide.task = Task::regression;
    wide.inputs = 4096;
    wide.train_size = 100;
    TrainConfig c;
    c.model.hidden = {{256, Activation::relu, 0}, {256, Activation::relu, 0}};
    c.batch.size = 10;
    c.model.output = Output::linear;
    c.model.loss = Loss::mse;
    CHECK(validate(c, wide).empty());  // 1.1 M weights
    c.model.hidden.assign(8, {256, Activation::relu, 0});
    wide.inputs = 4096 * 4;  // only a CSV of more columns than allowed could do this; checked anyway
    std::vector<Issue> issues = validate(c, wide);
    CHECK(mentions(issues, "layers: a network of 4 655 361 weights needs 71.0 MiB to train; the limit is 4 000 000 weights"));
    // epochs × training samples
    wide.inputs = 4;
    c.model.hidden = {{8, Activation::relu, 0}};
    c.epochs = 100000;
    wide.train_size = 1000;
    CHECK(mentions(validate(c, wide), "epochs: 100000 epochs × 1000 training samples are 100 000 000 samples"));
}

TEST_CASE("files: writes are atomic: the target is replaced whole, or left as it was") {
    const std::string path = scratch_file("atomic.json");
    CHECK(write_file_atomic(path, "first") == "");
    CHECK(write_file_atomic(path, "second, longer") == "");
    CHECK(read_file(path, 100, "x").text == "second, longer");
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
    // A full disk: the error is reported, not swallowed (D10).
    CHECK(write_file_atomic("/dev/full", "data").find("cannot write '/dev/full' (No space left on device)") == 0);
    CHECK(write_file_atomic(scratch_file("no-such-dir/x.json"), "data").find("cannot write") == 0);
}
