{
  "targets": [
    {
      "target_name": "toolace_trainer",
      "sources": [
        "native/addon.cpp",
        "native/LlamaApi.cpp",
        "native/AddonModel.cpp",
        "native/AddonTrainer.cpp",
        "native/TrainingHook.cpp",
        "native/AddonQuantize.cpp",
        "native/AddonGemm.cpp"
      ],
      "include_dirs": [
        "native",
        "<!@(node scripts/build-native.mjs --headers)"
      ],
      "dependencies": [
        "<!(node -p \"require('node-addon-api').targets\"):node_addon_api_except"
      ],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc": ["-std=c++17", "-O2", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags_cc!": ["-std=gnu++17", "-std=gnu++20", "-fno-rtti"],
      "libraries": ["-ldl", "-lpthread"]
    }
  ]
}
