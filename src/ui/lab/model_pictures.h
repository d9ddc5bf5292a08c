#pragma once
// The lab views' cache of expensive model pictures (grid predictions and statistics), one per run:
// recomputing them every frame would cost more than the training itself. Plain data, kept in
// LabState; lab_views.cpp's model_pictures() fills it.
#include <Eigen/Core>
#include <limits>
#include <vector>

#include "core/trainer.h"

namespace tunelab::ui {

struct ModelPictures {
    Grid grid;                               // the boundary grid (2-D data)
    Eigen::MatrixXf outputs;                 // outputs × grid.resolution², over `grid`
    Grid unit_grid;                          // coarser, for the per-neuron maps
    Eigen::MatrixXf input_maps;              // model inputs × unit_grid.resolution²
    std::vector<Eigen::MatrixXf> unit_maps;  // per layer (outputs last): units × unit_grid.resolution²
    Histogram weights, activations;          // of lab.selected_layer
    Eigen::MatrixXi confusion;               // validation part; empty for regression
    Eigen::MatrixXf validation_outputs;      // outputs × validation samples (predicted vs true)
};
// The parts of ModelPictures, computed only for the views that show them.
enum PicturePart : unsigned {
    kBoundaryPicture = 1,     // grid, outputs
    kUnitMapPictures = 2,     // unit_grid, input_maps, unit_maps
    kHistogramPictures = 4,   // weights, activations
    kValidationPictures = 8,  // confusion, validation_outputs
};
// When a part was computed: for which trainer and key (model shape, selected layer), from which
// weights, when, and how long it took.
struct PictureStamp {
    const Trainer* trainer = nullptr;
    long long key = -1;
    double checksum = std::numeric_limits<double>::quiet_NaN();
    double time = -1e30;
    double cost = 0.0;  // seconds
};

constexpr int kPicturePartCount = 4;  // the bits of PicturePart

struct PictureCache {
    struct Entry {
        ModelPictures pictures;
        PictureStamp stamps[kPicturePartCount];
    };
    Entry runs[2];
    int refresh_frame = -1;              // the frame that already paid for a refresh
    const PictureStamp* next = nullptr;  // a part that found the frame taken: it goes first next time
    int next_frame = -1;
};

}  // namespace tunelab::ui
