#pragma once
// An app as the platform starts it, reading the real data sets from the source tree.
#include "ui/app.h"

namespace tunelab::ui {

struct TestApp {
    AppState app;
    TestApp() {
        app.lab.data_config.data_dir = TUNELAB_ASSETS_DIR "/data";
        refresh_data(app.lab);
    }
};

}  // namespace tunelab::ui
