#pragma once
// Toy 2-D loss surfaces for watching optimizers move: the lab steps a point with the same Optimizer
// that trains networks and draws its trail.
#include <array>
#include <vector>

#include "core/optimizer.h"

namespace tunelab {

enum class Surface { bowl, rosenbrock, saddle };
template <>
inline constexpr std::array<std::string_view, 3> enum_names<Surface> = {"bowl", "rosenbrock", "saddle"};

using Point2 = std::array<float, 2>;

// bowl: x² + 10y² (an elongated quadratic: momentum's lesson); rosenbrock: (1−x)² + 100(y−x²)²;
// saddle: x² − y².
float surface_value(Surface surface, Point2 p);
Point2 surface_gradient(Surface surface, Point2 p);

// The start point followed by the point after each of `steps` optimizer steps at constant lr. Stops
// early if the point leaves the finite floats (a diverging trail ends where it blew up).
std::vector<Point2> optimizer_path(Surface surface, const OptimizerConfig& optimizer, float lr,
                                   Point2 start, int steps);

}  // namespace tunelab
