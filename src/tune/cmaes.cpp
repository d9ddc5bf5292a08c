#include "tune/cmaes.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tunelab::tune {

namespace {

constexpr uint64_t kRestartPurpose = 21;
// Draws per trial until one falls inside the box, then the last one is clipped (the `cmaes`
// library's n_max_resampling).
constexpr int kMaxResampling = 100;
// IPOP's stopping tests (pycma's defaults): a generation's losses all within tolfun of each other,
// the distribution's widest axis below tolx, or C's condition number above 1e14.
constexpr double kTolFun = 1e-11, kTolX = 1e-11, kMaxCondition = 1e14;

// The strategy parameters for λ points in n dimensions (Hansen 2016, eqs. 49-58, α_cov = 2).
struct Strategy {
    Eigen::VectorXd weights;  // w_i for the i-th best point; negative for the worse half ("active" CMA)
    double mu_eff, c_sigma, d_sigma, c_c, c_1, c_mu;
    int mu;
};

Strategy strategy(int n, int lambda, bool separable) {
    Strategy s;
    s.mu = lambda / 2;
    Eigen::VectorXd prime(lambda);
    for (int i = 0; i < lambda; ++i) prime(i) = std::log((lambda + 1) / 2.0) - std::log(i + 1.0);
    const Eigen::VectorXd good = prime.head(s.mu), bad = prime.tail(lambda - s.mu);
    s.mu_eff = good.sum() * good.sum() / good.squaredNorm();
    const double mu_eff_minus = bad.sum() * bad.sum() / bad.squaredNorm();
    const double dn = n;
    s.c_sigma = (s.mu_eff + 2) / (dn + s.mu_eff + 5);
    s.d_sigma = 1 + 2 * std::max(0.0, std::sqrt((s.mu_eff - 1) / (dn + 1)) - 1) + s.c_sigma;
    s.c_c = (4 + s.mu_eff / dn) / (dn + 4 + 2 * s.mu_eff / dn);
    s.c_1 = 2 / ((dn + 1.3) * (dn + 1.3) + s.mu_eff);
    s.c_mu = std::min(1 - s.c_1, 2 * (0.25 + s.mu_eff + 1 / s.mu_eff - 2) / ((dn + 2) * (dn + 2) + s.mu_eff));
    s.weights = Eigen::VectorXd::Zero(lambda);
    s.weights.head(s.mu) = good / good.sum();
    if (separable) {
        // Ros & Hansen 2008: a diagonal C has n, not n², entries to learn, so it can learn
        // (n + 2)/3 times faster; only the better half's weights.
        const double speedup = (dn + 2) / 3;
        s.c_1 *= speedup;
        s.c_mu = std::min(1 - s.c_1, s.c_mu * speedup);
        return s;
    }
    const double alpha_mu = 1 + s.c_1 / s.c_mu, alpha_mu_eff = 1 + 2 * mu_eff_minus / (s.mu_eff + 2),
                 alpha_posdef = (1 - s.c_1 - s.c_mu) / (dn * s.c_mu);
    s.weights.tail(lambda - s.mu) = std::min({alpha_mu, alpha_mu_eff, alpha_posdef}) * bad / bad.cwiseAbs().sum();
    return s;
}

// E‖N(0, I)‖ in n dimensions.
double expected_norm(int n) { return std::sqrt(double(n)) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n)); }

// C = B Λ Bᵀ. A symmetric matrix always has one; a failure means NaNs got in: start C afresh.
Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(const Eigen::MatrixXd& cov) {
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
    if (eig.info() != Eigen::Success) eig.compute(Eigen::MatrixXd::Identity(cov.rows(), cov.cols()));
    return eig;
}

// C^{-1/2} v.
Eigen::VectorXd whiten(const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>& eig, const Eigen::VectorXd& v) {
    const Eigen::MatrixXd& b = eig.eigenvectors();
    return b * (b.transpose() * v).cwiseQuotient(eig.eigenvalues().cwiseMax(1e-300).cwiseSqrt());
}

Eigen::VectorXd unit_point(const Study& study, const Trial& t) {
    std::vector<double> u = t.sampler_state.size() == study.space().size() ? t.sampler_state : study.space().encode(t.params);
    return Eigen::Map<const Eigen::VectorXd>(u.data(), Eigen::Index(u.size()));
}

}  // namespace

std::vector<std::array<double, 2>> CmaEsState::ellipse(int i, int j, double k, int points) const {
    Eigen::Matrix2d block;
    block << cov(i, i), cov(i, j), cov(j, i), cov(j, j);
    Eigen::LLT<Eigen::Matrix2d> llt(block);
    // C stays positive definite; should rounding break that, the axes' own spreads still show.
    const Eigen::Matrix2d l = llt.info() == Eigen::Success ? Eigen::Matrix2d(llt.matrixL())
                                                           : Eigen::Matrix2d(block.diagonal().cwiseMax(0.0).cwiseSqrt().asDiagonal());
    std::vector<std::array<double, 2>> out;
    for (int p = 0; p < points; ++p) {
        const double t = 2 * std::numbers::pi * p / (points - 1);
        const Eigen::Vector2d x = Eigen::Vector2d(mean(i), mean(j)) + k * sigma * l * Eigen::Vector2d(std::cos(t), std::sin(t));
        out.push_back({x(0), x(1)});
    }
    return out;
}

CmaEsState CmaEsSampler::start(int dims, int population, int first_trial, const Eigen::VectorXd& mean) const {
    CmaEsState s;
    s.mean = mean;
    s.sigma = options_.sigma0;
    s.cov = Eigen::MatrixXd::Identity(dims, dims);
    s.path_sigma = s.path_c = Eigen::VectorXd::Zero(dims);
    s.population = population;
    s.first_trial = first_trial;
    return s;
}

void CmaEsSampler::update(CmaEsState& s, const std::vector<Eigen::VectorXd>& ranked) const {
    const int n = int(s.mean.size()), lambda = s.population;
    const Strategy st = strategy(n, lambda, options_.separable);
    std::vector<Eigen::VectorXd> y(static_cast<size_t>(lambda));
    Eigen::VectorXd y_w = Eigen::VectorXd::Zero(n);
    for (int i = 0; i < lambda; ++i) {
        y[size_t(i)] = (ranked[size_t(i)] - s.mean) / s.sigma;
        if (i < st.mu) y_w += st.weights(i) * y[size_t(i)];
    }
    const auto eig = eigen(s.cov);
    // m ← m + σ y_w (c_m = 1)
    s.mean += s.sigma * y_w;
    // p_σ ← (1 − c_σ) p_σ + √(c_σ (2 − c_σ) μ_eff) C^{-1/2} y_w
    s.path_sigma = (1 - st.c_sigma) * s.path_sigma + std::sqrt(st.c_sigma * (2 - st.c_sigma) * st.mu_eff) * whiten(eig, y_w);
    // h_σ stalls p_c while ‖p_σ‖ is large, so C does not grow too fast while σ is still adapting.
    const int g = s.generation + 1;
    const double chi_n = expected_norm(n);
    const bool h_sigma = s.path_sigma.norm() / std::sqrt(1 - std::pow(1 - st.c_sigma, 2.0 * g)) < (1.4 + 2.0 / (n + 1)) * chi_n;
    // p_c ← (1 − c_c) p_c + h_σ √(c_c (2 − c_c) μ_eff) y_w
    s.path_c = (1 - st.c_c) * s.path_c + (h_sigma ? std::sqrt(st.c_c * (2 - st.c_c) * st.mu_eff) : 0.0) * y_w;
    const double delta = (1 - h_sigma) * st.c_c * (2 - st.c_c);
    // C ← (1 + c₁δ − c₁ − c_μ Σw) C + c₁ p_c p_cᵀ + c_μ Σ w°_i y_i y_iᵀ, where a negative weight is
    // rescaled by n / ‖C^{-1/2} y_i‖² so the worse points cannot make C indefinite.
    const double decay = 1 + st.c_1 * delta - st.c_1 - st.c_mu * st.weights.sum();
    if (options_.separable) {
        Eigen::VectorXd rank_mu = Eigen::VectorXd::Zero(n);
        for (int i = 0; i < st.mu; ++i) rank_mu += st.weights(i) * y[size_t(i)].cwiseAbs2();
        const Eigen::VectorXd diagonal = decay * s.cov.diagonal() + st.c_1 * s.path_c.cwiseAbs2() + st.c_mu * rank_mu;
        s.cov = diagonal.asDiagonal();
    } else {
        Eigen::MatrixXd rank_mu = Eigen::MatrixXd::Zero(n, n);
        for (int i = 0; i < lambda; ++i) {
            double w = st.weights(i);
            if (w < 0) w *= n / std::max(whiten(eig, y[size_t(i)]).squaredNorm(), 1e-300);
            rank_mu += w * y[size_t(i)] * y[size_t(i)].transpose();
        }
        s.cov = decay * s.cov + st.c_1 * s.path_c * s.path_c.transpose() + st.c_mu * rank_mu;
        s.cov = (s.cov + s.cov.transpose()) / 2;
    }
    // σ ← σ exp((c_σ / d_σ)(‖p_σ‖ / E‖N(0, I)‖ − 1))
    s.sigma *= std::exp(st.c_sigma / st.d_sigma * (s.path_sigma.norm() / chi_n - 1));
    s.generation = g;
}

bool CmaEsSampler::collapsed(const CmaEsState& s, double spread) const {
    const auto eig = eigen(s.cov);
    const double largest = eig.eigenvalues().maxCoeff(), smallest = eig.eigenvalues().minCoeff();
    return spread < kTolFun || s.sigma * std::sqrt(s.cov.diagonal().maxCoeff()) < kTolX || smallest <= 0 ||
           largest / smallest > kMaxCondition;
}

CmaEsState CmaEsSampler::state(const Study& study) const {
    const int d = int(study.space().size());
    const int lambda = options_.population > 0 ? options_.population : 4 + int(std::floor(3 * std::log(double(d))));
    CmaEsState s = start(d, lambda, 0, Eigen::VectorXd::Constant(d, 0.5));
    const std::vector<Trial>& trials = study.trials();
    // Replay every generation whose λ trials have all been scored.
    for (int end = s.first_trial + s.population; end <= int(trials.size()); end = s.first_trial + s.population) {
        std::vector<std::pair<double, int>> order;  // (loss, trial): failed and diverged trials rank last
        for (int k = s.first_trial; k < end; ++k) {
            const Trial& t = trials[size_t(k)];
            if (t.status == TrialStatus::running) return s;
            const bool scored = t.finished() && t.value && std::isfinite(*t.value);
            order.emplace_back(scored ? study.loss(*t.value) : INFINITY, k);
        }
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<Eigen::VectorXd> ranked;
        for (const auto& [loss, k] : order) ranked.push_back(unit_point(study, trials[size_t(k)]));
        update(s, ranked);
        s.first_trial = end;
        if (options_.restarts && collapsed(s, order.back().first - order.front().first)) {
            Rng rng = study.rng_for(end, kRestartPurpose);
            Eigen::VectorXd mean(d);
            for (Eigen::Index j = 0; j < d; ++j) mean(j) = rng.uniform();
            const int restarts = s.restarts + 1;
            s = start(d, 2 * s.population, end, mean);
            s.restarts = restarts;
        }
    }
    return s;
}

Proposal CmaEsSampler::ask(const Study& study) {
    const CmaEsState s = state(study);
    const auto eig = eigen(s.cov);
    // x = m + σ B Λ^{1/2} z, z ~ N(0, I)
    const Eigen::MatrixXd scale = eig.eigenvectors() * eig.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
    Rng rng = study.rng_for(study.next_number());
    const Eigen::Index d = s.mean.size();
    Eigen::VectorXd x(d), z(d);
    for (int attempt = 0; attempt < kMaxResampling; ++attempt) {
        for (Eigen::Index j = 0; j < d; ++j) z(j) = rng.normal();
        x = s.mean + s.sigma * scale * z;
        if (x.minCoeff() >= 0 && x.maxCoeff() <= 1) break;
    }
    x = x.cwiseMax(0.0).cwiseMin(1.0);
    Proposal p{study.space().decode(std::vector<double>(x.begin(), x.end()))};
    p.source = "cmaes";
    p.sampler_state.assign(x.begin(), x.end());
    return p;
}

}  // namespace tunelab::tune
