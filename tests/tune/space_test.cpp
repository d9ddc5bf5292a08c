#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "tune/space.h"

using namespace tunelab::tune;

namespace {

// The message of the exception a space with these parameters throws ("" if none).
std::string refusal(std::vector<Param> params) {
    try {
        Space space(std::move(params));
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("Space: invalid ranges are refused with the parameter's name") {
    CHECK(refusal({Param::real("lr", 0.1, 0.1)}).find("'lr'") != std::string::npos);
    CHECK(refusal({Param::real("lr", 1, 0.5)}).find("low < high") != std::string::npos);
    CHECK(refusal({Param::real("weight_decay", 0, 1, true)}).find("'weight_decay'") != std::string::npos);
    CHECK(refusal({Param::integer("units", 1.5, 8)}).find("'units'") != std::string::npos);
    CHECK(refusal({Param::categorical("optimizer", {})}).find("'optimizer'") != std::string::npos);
    CHECK(refusal({Param::real("beta1", 0.8, 0.99).only_when("optimizer", {"adam"})}).find("'beta1'") !=
          std::string::npos);
    CHECK(refusal({Param::categorical("optimizer", {"sgd", "adam"}),
                   Param::real("beta1", 0.8, 0.99).only_when("optimizer", {"adamw"})})
              .find("'adamw'") != std::string::npos);
    CHECK(refusal({Param::real("lr", 1e-4, 1, true), Param::integer("units", 1, 64, true),
                   Param::categorical("optimizer", {"sgd", "adam"})}) == "");
}

TEST_CASE("Space: decode maps the unit interval onto each scale and encode inverts it") {
    Space space({Param::real("x", -2, 6), Param::real("lr", 1e-4, 1, true), Param::integer("units", 1, 4),
                 Param::categorical("act", {"relu", "tanh", "sigmoid"})});
    CHECK(space.decode(0, 0.25) == doctest::Approx(0.0));
    CHECK(space.decode(1, 0.5) == doctest::Approx(1e-2));  // halfway in log space: the geometric mean
    CHECK(space.decode(2, 0.0) == 1);
    CHECK(space.decode(2, 0.3) == 2);  // [0.5, 4.5] cut into four equal slices
    CHECK(space.decode(2, 1.0) == 4);
    CHECK(space.decode(3, 0.5) == 1);
    CHECK(space.format(3, 1) == "tanh");
    for (double v : {-1.5, 0.0, 5.9}) CHECK(space.decode(0, space.encode(0, v)) == doctest::Approx(v));
    for (double v : {1e-4, 3e-3, 0.5}) CHECK(space.decode(1, space.encode(1, v)) == doctest::Approx(v));
    for (double v : {1.0, 2.0, 3.0, 4.0}) CHECK(space.decode(2, space.encode(2, v)) == v);
    for (double v : {0.0, 1.0, 2.0}) CHECK(space.decode(3, space.encode(3, v)) == v);
}

TEST_CASE("Space: a conditional parameter is inactive unless its parent takes a listed choice") {
    Space space({Param::categorical("optimizer", {"sgd", "adam"}), Param::real("beta1", 0.8, 0.99).only_when("optimizer", {"adam"})});
    Values sgd = space.decode({0.2, 0.5}), adam = space.decode({0.7, 0.5});
    CHECK(space.format(0, sgd[0]) == "sgd");
    CHECK_FALSE(is_active(sgd[1]));
    CHECK(space.format(0, adam[0]) == "adam");
    CHECK(adam[1] == doctest::Approx(0.895));
    CHECK(space.parse(0, "adam") == 1);
    CHECK_THROWS_AS(space.parse(0, "rmsprop"), std::invalid_argument);
}
