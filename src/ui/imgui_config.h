#pragma once
// Dear ImGui build options for TuneLab (IMGUI_USER_CONFIG).
// 32-bit indices: a scatter of thousands of points or a dense heatmap exceeds the 65,536 vertices
// a 16-bit index can reach in one draw list, and WebGL2 has no vertex offset to work around it.
#define ImDrawIdx unsigned int
