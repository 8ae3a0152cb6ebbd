//===- layer_check.cpp - A layer of the tool's library, linked whole ------===//
//
// Linked with one layer's every object and only the layers below it
// (lib/CMakeLists.txt): the link fails when the layer calls a layer above.
//
//===----------------------------------------------------------------------===//

int main() { return 0; }
