#include "app/mpi_session.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

namespace vicsim::app {

/** The module's entry points (mpi_module.cpp). */
struct MpiSession::Api {
  int (*init)(int*, int*);
  void (*finalize)();
  void (*bcast_size)(unsigned long long*);
  void (*bcast_bytes)(char*, int);
  void (*send_root)(int, const char*, int);
  int (*probe)(int*, int*, int*);
  void (*recv)(int, int, char*, int);
  void (*barrier)();
  void (*abort)(int);
};

bool MpiSession::launched_by_mpi() {
  // Open MPI's mpirun, PMIx launchers (srun --mpi=pmix, prterun), and PMI-1/2 launchers (MPICH, srun).
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

namespace {
template <class F>
void bind(void* module, const char* name, F& f) {
  void* p = ::dlsym(module, name);
  if (!p) throw MpiUnavailable(std::string("libvicsim_mpi.so lacks ") + name);
  f = reinterpret_cast<F>(p);
}
}  // namespace

MpiSession::MpiSession() {
  if (!launched_by_mpi()) return;
  std::string path;
  if (const char* env = std::getenv("VICSIM_MPI_MODULE"))
    path = env;
  else
    path = (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "libvicsim_mpi.so").string();
  module_ = ::dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (!module_)
    throw MpiUnavailable("started by an MPI launcher, but the MPI module cannot be loaded (" +
                         std::string(::dlerror()) +
                         "); build vicsim with Open MPI installed (apt-get install libopenmpi-dev)");
  auto* api = new Api;
  bind(module_, "vicsim_mpi_init", api->init);
  bind(module_, "vicsim_mpi_finalize", api->finalize);
  bind(module_, "vicsim_mpi_bcast_size", api->bcast_size);
  bind(module_, "vicsim_mpi_bcast_bytes", api->bcast_bytes);
  bind(module_, "vicsim_mpi_send_root", api->send_root);
  bind(module_, "vicsim_mpi_probe", api->probe);
  bind(module_, "vicsim_mpi_recv", api->recv);
  bind(module_, "vicsim_mpi_barrier", api->barrier);
  bind(module_, "vicsim_mpi_abort", api->abort);
  if (const int rc = api->init(&rank_, &size_); rc != 0) {
    delete api;
    throw MpiUnavailable(rc == 2 ? "cannot find Open MPI's libmpi" : "MPI_Init failed");
  }
  api_ = api;
}

MpiSession::~MpiSession() {
  if (api_) api_->finalize();
  delete api_;
  // The module stays loaded: Open MPI does not support being unloaded.
}

void MpiSession::broadcast(std::string& data) const {
  if (!api_) return;
  unsigned long long n = data.size();
  api_->bcast_size(&n);
  data.resize(n);
  if (n > 0) api_->bcast_bytes(data.data(), static_cast<int>(n));
}

void MpiSession::send_to_root(Tag tag, const std::string& data) const {
  if (api_) api_->send_root(tag, data.data(), static_cast<int>(data.size()));
}

std::optional<std::pair<MpiSession::Tag, std::string>> MpiSession::poll() const {
  if (!api_) return std::nullopt;
  int tag = 0, source = 0, n = 0;
  if (!api_->probe(&tag, &source, &n)) return std::nullopt;
  std::string data(static_cast<std::size_t>(n), '\0');
  api_->recv(source, tag, data.data(), n);
  return std::make_pair(static_cast<Tag>(tag), std::move(data));
}

void MpiSession::barrier() const {
  if (api_) api_->barrier();
}

void MpiSession::abort(int code) const {
  if (api_) api_->abort(code);
  std::exit(code);
}

}  // namespace vicsim::app
