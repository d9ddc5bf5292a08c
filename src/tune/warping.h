#pragma once
// Output warping: a monotone map that makes skewed or heavy-tailed losses look Gaussian before the
// GP models them. Standardizing alone leaves a loss spanning six orders of magnitude with every
// good point squeezed near the mean, where EI cannot tell them apart and goes exploring instead.
// As HEBO (Cowen-Rivers et al. 2022, winner of the NeurIPS 2020 black-box challenge): a power
// transform of y / std(y) with λ fitted by maximum likelihood, Box-Cox (1964) when every loss is
// positive, Yeo-Johnson (2000) otherwise. Both increase monotonically, so ranks are kept.
#include <Eigen/Dense>

namespace tunelab::tune {

struct PowerTransform {
    enum class Kind { identity, box_cox, yeo_johnson };
    Kind kind = Kind::identity;
    double lambda = 1;
    double scale = 1;  // ψ_λ(y / scale)

    // λ maximizing the profile log-likelihood of ψ_λ(y) under a normal model, within the range
    // from the identity to the log (warping.cpp says why not beyond).
    static PowerTransform fit(const Eigen::VectorXd& y);
    double operator()(double y) const;
    double inverse(double z) const;  // clamped at the edge of ψ's range
};

}  // namespace tunelab::tune
