#include "ui/lab.h"

namespace tunelab::ui {

LabState::LabState() {
    runs[0].name = "A";
    runs[1].name = "B";
}

}  // namespace tunelab::ui
