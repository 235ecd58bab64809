#include "LlamaApi.h"

#include <dlfcn.h>
#include <link.h>
#include <limits.h>
#include <stdlib.h>

#include <mutex>
#include <stdexcept>
#include <vector>

LlamaApi api;

namespace {

std::mutex attachMutex;
bool attached = false;

std::string baseName(const std::string & file) {
    const auto slash = file.find_last_of('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

std::string dirName(const std::string & file) {
    const auto slash = file.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : file.substr(0, slash);
}

std::string realPath(const std::string & file) {
    char buffer[PATH_MAX];
    return realpath(file.c_str(), buffer) == nullptr ? file : std::string(buffer);
}

// libllama.so, libllama.so.1, libllama.v0.5.0.so... but not libllama-common.so.
bool isLibLlama(const std::string & file) {
    const std::string name = baseName(file);
    return name.rfind("libllama.", 0) == 0 && name.find(".so") != std::string::npos;
}

int collectLoaded(struct dl_phdr_info * info, size_t, void * data) {
    auto * out = static_cast<std::vector<std::string> *>(data);
    if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0') out->push_back(realPath(info->dlpi_name));
    return 0;
}

std::string joinPaths(const std::vector<std::string> & paths) {
    std::string out;
    for (const auto & item : paths) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// The libllama node-llama-cpp uses: the only one loaded, or the one beside (or in ../bin of) the
// loaded llama-addon.node, which is how that binding's RUNPATH ($ORIGIN:$ORIGIN/../bin) finds it.
std::string findLoadedLibLlama() {
    std::vector<std::string> loaded;
    dl_iterate_phdr(collectLoaded, &loaded);
    std::vector<std::string> libs;
    std::vector<std::string> bindings;
    for (const auto & file : loaded) {
        if (isLibLlama(file)) libs.push_back(file);
        else if (baseName(file) == "llama-addon.node") bindings.push_back(file);
    }
    if (libs.empty()) {
        throw std::runtime_error(
            "no libllama is loaded in this process: load node-llama-cpp first (await getLlama()) so the trainer uses its llama.cpp");
    }
    if (libs.size() == 1) return libs[0];
    std::vector<std::string> matches;
    for (const auto & lib : libs) {
        for (const auto & binding : bindings) {
            const std::string dir = dirName(binding);
            if (dirName(lib) == dir || dirName(lib) == realPath(dir + "/../bin")) {
                matches.push_back(lib);
                break;
            }
        }
    }
    if (matches.size() == 1) return matches[0];
    throw std::runtime_error("several libllama copies are loaded (" + joinPaths(libs) + "); pass the one to use explicitly");
}

}  // namespace

// What attachLlama reports of the attached library.
static AttachResult attachResult() {
    return {api.libraryPath, api.loadedBackends, api.trainingPatch, api.backwardGemmPatch, api.llama_opt_toolace_set_outputs != nullptr, api.geluBackwardPatch};
}

bool isLlamaAttached() {
    std::lock_guard<std::mutex> lock(attachMutex);
    return attached;
}

AttachResult attachLlama(const std::string & explicitPath) {
    std::lock_guard<std::mutex> lock(attachMutex);
    const std::string wanted = explicitPath.empty() ? findLoadedLibLlama() : realPath(explicitPath);
    if (attached) {
        if (wanted != api.libraryPath) {
            throw std::runtime_error("the trainer is already attached to " + api.libraryPath + ", not " + wanted);
        }
        return attachResult();
    }

    // RTLD_NOLOAD: only take a library that is already resident, never load a second copy.
    void * handle = dlopen(wanted.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (handle == nullptr) {
        throw std::runtime_error(wanted + " is not loaded in this process; load node-llama-cpp with that build first");
    }

    LlamaApi resolved;
    resolved.handle = handle;
    resolved.libraryPath = wanted;
    std::vector<std::string> missing;
    // dlsym on a dlopen handle searches the library and its dependencies (libggml, libggml-base).
#define TOOLACE_RESOLVE(name)                                                              \
    resolved.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));             \
    if (resolved.name == nullptr) missing.push_back(#name);
    TOOLACE_LLAMA_FUNCTIONS(TOOLACE_RESOLVE)
#undef TOOLACE_RESOLVE
    if (!missing.empty()) {
        dlclose(handle);
        throw std::runtime_error(wanted + " lacks functions the trainer needs: " + joinPaths(missing));
    }

    // The prebuilt binaries load their CPU backends dynamically. node-llama-cpp has normally done it;
    // loading them twice would register duplicate devices, so only load when no CPU backend exists.
    if (resolved.ggml_backend_reg_by_name("CPU") == nullptr) {
        resolved.ggml_backend_load_all_from_path(dirName(wanted).c_str());
        resolved.loadedBackends = true;
        if (resolved.ggml_backend_reg_by_name("CPU") == nullptr) {
            dlclose(handle);
            throw std::runtime_error("no CPU backend could be loaded from " + dirName(wanted));
        }
    }
    resolved.llama_backend_init();

    // Optional: only a library built with native/patches exports it (scripts/build-llama.mjs).
    using PatchVersion = int32_t (*)();
    if (auto * patchVersion = reinterpret_cast<PatchVersion>(dlsym(handle, "llama_opt_toolace_patch"))) {
        resolved.trainingPatch = patchVersion();
    }
    if (auto * patchVersion = reinterpret_cast<PatchVersion>(dlsym(handle, "ggml_toolace_backward_gemm_patch"))) {
        resolved.backwardGemmPatch = patchVersion();
    }
    if (auto * patchVersion = reinterpret_cast<PatchVersion>(dlsym(handle, "ggml_toolace_gelu_backward_patch"))) {
        resolved.geluBackwardPatch = patchVersion();
    }
    resolved.llama_opt_toolace_set_outputs =
        reinterpret_cast<decltype(resolved.llama_opt_toolace_set_outputs)>(dlsym(handle, "llama_opt_toolace_set_outputs"));

    api = resolved;
    attached = true;
    return attachResult();
}
