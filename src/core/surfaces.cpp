#include "core/surfaces.h"

#include <cmath>

namespace tunelab {

float surface_value(Surface surface, Point2 p) {
    const float x = p[0], y = p[1];
    switch (surface) {
        case Surface::bowl: return x * x + 10 * y * y;
        case Surface::rosenbrock: return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        case Surface::saddle: return x * x - y * y;
    }
    return 0;
}

Point2 surface_gradient(Surface surface, Point2 p) {
    const float x = p[0], y = p[1];
    switch (surface) {
        case Surface::bowl: return {2 * x, 20 * y};
        case Surface::rosenbrock: return {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
        case Surface::saddle: return {2 * x, -2 * y};
    }
    return {0, 0};
}

std::vector<Point2> optimizer_path(Surface surface, const OptimizerConfig& optimizer, float lr,
                                   Point2 start, int steps) {
    Optimizer stepper(optimizer, 2, lr);
    std::vector<Point2> path = {start};
    Point2 point = start;
    for (int i = 0; i < steps; ++i) {
        Point2 gradient = surface_gradient(surface, point);
        stepper.step(point, gradient, lr);
        if (!std::isfinite(point[0]) || !std::isfinite(point[1])) break;
        path.push_back(point);
    }
    return path;
}

}  // namespace tunelab
