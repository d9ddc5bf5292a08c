#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/csv.h"
#include "core/dataset.h"
#include "core/validate.h"

using namespace tunelab;

namespace {

DataConfig bundled(DatasetKind kind) {
    DataConfig c;
    c.kind = kind;
    c.data_dir = TUNELAB_ASSETS_DIR "/data";
    return c;
}

bool has_field(const std::vector<Issue>& issues, const std::string& field) {
    return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.field == field; });
}

}  // namespace

TEST_CASE("data: every generator makes the requested size with balanced classes, reproducibly") {
    for (DatasetKind kind : {DatasetKind::circle, DatasetKind::xor_, DatasetKind::blobs, DatasetKind::spiral,
                             DatasetKind::moons, DatasetKind::plane, DatasetKind::curve}) {
        INFO(name(kind));
        Rng a(4), b(4), c(5);
        auto first = generate_2d(kind, 300, 0.1, a), again = generate_2d(kind, 300, 0.1, b),
             other = generate_2d(kind, 300, 0.1, c);
        REQUIRE(first);
        CHECK(first->all.samples() == 300);
        CHECK(first->all.x == again->all.x);
        CHECK(first->all.y == again->all.y);
        CHECK(first->all.x != other->all.x);
        if (first->info.task == Task::classification) {
            std::vector<int> counts(first->info.classes, 0);
            for (int i = 0; i < 300; ++i) ++counts[static_cast<int>(first->all.y(i))];
            for (int count : counts) CHECK(count == 300 / first->info.classes);
        }
    }
}

TEST_CASE("data: XOR labels are the sign agreement of the clean point; noise 0 keeps them exact") {
    Rng rng(1);
    auto data = generate_2d(DatasetKind::xor_, 200, 0.0, rng);
    for (int i = 0; i < 200; ++i)
        CHECK(data->all.y(i) == (data->all.x(0, i) * data->all.x(1, i) > 0 ? 1.0f : 0.0f));
}

TEST_CASE("data: the split is stratified and the scaler is fitted on the training part only") {
    DataConfig c;
    c.kind = DatasetKind::blobs;
    c.size = 300;
    c.validation_ratio = 0.2;
    c.preprocessing = Preprocessing::standardize;
    DataResult r = prepare_data(c);
    REQUIRE(r.data);
    const PreparedData& d = *r.data;
    CHECK(d.info.train_size == 240);
    CHECK(d.info.validation_size == 60);
    for (int k = 0; k < 3; ++k) CHECK((d.validation.y.array() == float(k)).count() == 20);
    for (int f = 0; f < d.train.features(); ++f) {
        Eigen::ArrayXf row = d.train.x.row(f).array().transpose();
        CHECK(std::abs(row.mean()) < 1e-5f);
        CHECK(std::sqrt(row.square().mean()) == doctest::Approx(1.0).epsilon(1e-4));
        CHECK(std::abs(d.validation.x.row(f).mean()) > 1e-6);  // fitted elsewhere: not exactly 0
    }
    c.preprocessing = Preprocessing::min_max;
    DataResult mm = prepare_data(c);
    CHECK(mm.data->train.x.minCoeff() == doctest::Approx(0.0));
    CHECK(mm.data->train.x.maxCoeff() == doctest::Approx(1.0));
}

TEST_CASE("data: extra 2-D features are appended and reach the grid through the same map") {
    DataConfig c;
    c.kind = DatasetKind::circle;
    c.extra.x_squared = c.extra.y_squared = c.extra.sin_x = true;
    DataResult r = prepare_data(c);
    REQUIRE(r.data);
    CHECK(r.data->info.inputs == 5);
    CHECK(r.data->info.feature_names[2] == "x^2");
    const float x = r.data->train_points(0, 0), y = r.data->train_points(1, 0);
    CHECK(r.data->train.x(2, 0) == doctest::Approx(x * x));
    CHECK(r.data->train.x(3, 0) == doctest::Approx(y * y));
    CHECK(r.data->train.x(4, 0) == doctest::Approx(std::sin(x)));
    Eigen::MatrixXf mapped = r.data->model_inputs(r.data->train_points.leftCols(3));
    CHECK(mapped == r.data->train.x.leftCols(3));
}

TEST_CASE("data: the bundled real data sets load with their shapes and classes") {
    struct Expect {
        DatasetKind kind;
        int samples, features, classes;
    };
    for (Expect e : {Expect{DatasetKind::iris, 150, 4, 3}, Expect{DatasetKind::wine, 178, 13, 3},
                     Expect{DatasetKind::breast_cancer, 569, 30, 2}, Expect{DatasetKind::digits, 1797, 64, 10},
                     Expect{DatasetKind::diabetes, 442, 10, 0}}) {
        INFO(name(e.kind));
        DataResult r = prepare_data(bundled(e.kind));
        REQUIRE(r.data);
        CHECK(r.data->info.train_size + r.data->info.validation_size == e.samples);
        CHECK(r.data->info.inputs == e.features);
        CHECK(r.data->info.classes == e.classes);
        CHECK(r.data->info.task == (e.classes ? Task::classification : Task::regression));
    }
    DataResult iris = prepare_data(bundled(DatasetKind::iris));
    CHECK(iris.data->info.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
}

TEST_CASE("csv: the learner's file loads from memory; numeric labels keep their order") {
    CsvLoad load = load_csv("a,b,label\n1,2,1\n3,4,0\r\n5,6,1\n\n", "label", Task::classification);
    REQUIRE(load.data);
    CHECK(load.data->all.samples() == 3);
    CHECK(load.data->all.x(1, 2) == 6.0f);
    CHECK(load.data->all.y(0) == 1.0f);  // "1" is class 1 although it appears first
    CHECK(load.data->info.feature_names == std::vector<std::string>{"a", "b"});
    CsvLoad quoted = load_csv("\"x, in cm\",y\n1,\"2.5\"\n2,3\n", "y", Task::regression);
    REQUIRE(quoted.data);
    CHECK(quoted.data->info.feature_names[0] == "x, in cm");
    CHECK(quoted.data->all.y(0) == 2.5f);
}

TEST_CASE("csv: malformed files are refused with line and column") {
    struct Bad {
        const char* text;
        const char* target;
        Task task;
        int line, column;
        const char* words;
    };
    const Bad cases[] = {
        {"a,b,t\n1,2,0\n3,x7,1\n", "t", Task::classification, 3, 2, "not a number"},
        {"a,b,t\n1,2,0\n3,4\n", "t", Task::classification, 3, 3, "has 2 cells"},
        {"a,b,t\n1,2,0\n\n3,4,5,6\n", "t", Task::classification, 4, 4, "has 4 cells"},
        {"a,b,t\n1,\"2,0\n", "t", Task::classification, 2, 2, "not closed"},
        {"a,b,t\n1,2,cat\n", "t", Task::regression, 2, 3, "not a number"},
        {"a,b,t\n1,,0\n", "t", Task::classification, 2, 2, "a missing value in column 'b'"},
        {"a,b,t\n1,2,0\n", "target", Task::classification, 1, 0, "no column named 'target'"},
        {"a,b,t\n1,2,0\n3,4,0\n", "t", Task::classification, 0, 3, "only 1 class"},
        {"", "t", Task::classification, 0, 0, "empty"},
        {"a,b,t\n", "t", Task::classification, 0, 0, "no rows"},
    };
    for (const Bad& bad : cases) {
        INFO(bad.text);
        CsvLoad load = load_csv(bad.text, bad.target, bad.task);
        REQUIRE(load.error);
        CHECK_FALSE(load.data);
        CHECK(load.error->line == bad.line);
        CHECK(load.error->column == bad.column);
        CHECK(load.error->describe().find(bad.words) != std::string::npos);
    }
}

TEST_CASE("validation: impossible data settings name their field and range") {
    DataConfig c;
    c.size = 3;
    c.noise = -1;
    c.validation_ratio = 1;
    auto issues = validate(c);
    CHECK(has_field(issues, "size"));
    CHECK(has_field(issues, "noise"));
    CHECK(has_field(issues, "val-split"));
    CHECK(issues[0].message.find("[10, 5000]") != std::string::npos);
    DataConfig csv;
    csv.kind = DatasetKind::csv;
    CHECK(has_field(validate(csv), "csv"));
    CHECK(has_field(validate(csv), "target"));
    DataConfig iris = bundled(DatasetKind::iris);
    iris.extra.x_squared = true;
    CHECK(has_field(validate(iris), "features"));
    DataConfig bad_csv;
    bad_csv.kind = DatasetKind::csv;
    bad_csv.csv_text = "a,t\n1,0\nz,1\n";
    bad_csv.target_column = "t";
    DataResult r = prepare_data(bad_csv);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].field == "csv");
    CHECK(r.issues[0].message.find("line 3, column 1") != std::string::npos);
}
