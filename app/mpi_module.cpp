// libvicsim_mpi: the MPI calls of `vicsim sweep`, in a module loaded at run time (mpi_session.cpp).
//
// Why a module: libsimgrid exports MPI_* and PMPI_* symbols of its own (SMPI), which shadow Open MPI's
// in the process's global symbol scope. So this module calls Open MPI through pointers looked up in
// libmpi itself (dlsym on libmpi's handle searches libmpi first). Being a module also lets one vicsim
// binary run where Open MPI is not installed.
#include <dlfcn.h>
#include <mpi.h>

#include <cstddef>
#include <cstdlib>

namespace {

// Open MPI's entry points, resolved in libmpi (the names shadow the SMPI ones inside this file only).
#define VICSIM_MPI_FUNCTIONS(X) \
  X(MPI_Init)                   \
  X(MPI_Comm_rank)              \
  X(MPI_Comm_size)              \
  X(MPI_Finalize)               \
  X(MPI_Bcast) X(MPI_Send) X(MPI_Iprobe) X(MPI_Get_count) X(MPI_Recv) X(MPI_Barrier) X(MPI_Abort)
#define VICSIM_DECLARE(f) decltype(&::f) f = nullptr;
struct Functions {
  VICSIM_MPI_FUNCTIONS(VICSIM_DECLARE)
};
#undef VICSIM_DECLARE
Functions mpi;

/** Resolves every entry point in the library that defines ompi_mpi_comm_world (libmpi). */
bool resolve() {
  Dl_info info;
  if (!dladdr(static_cast<void*>(&ompi_mpi_comm_world), &info) || !info.dli_fname) return false;
  void* lib = dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD);
  if (!lib) return false;
  bool ok = true;
#define VICSIM_RESOLVE(f)                                   \
  mpi.f = reinterpret_cast<decltype(&::f)>(dlsym(lib, #f)); \
  ok = ok && mpi.f != nullptr;
  VICSIM_MPI_FUNCTIONS(VICSIM_RESOLVE)
#undef VICSIM_RESOLVE
  return ok;
}

}  // namespace

#define MPI_Init mpi.MPI_Init
#define MPI_Comm_rank mpi.MPI_Comm_rank
#define MPI_Comm_size mpi.MPI_Comm_size
#define MPI_Finalize mpi.MPI_Finalize
#define MPI_Bcast mpi.MPI_Bcast
#define MPI_Send mpi.MPI_Send
#define MPI_Iprobe mpi.MPI_Iprobe
#define MPI_Get_count mpi.MPI_Get_count
#define MPI_Recv mpi.MPI_Recv
#define MPI_Barrier mpi.MPI_Barrier
#define MPI_Abort mpi.MPI_Abort

extern "C" {

int vicsim_mpi_init(int* rank, int* size) {
  if (!resolve()) return 2;
  if (MPI_Init(nullptr, nullptr) != MPI_SUCCESS) return 1;
  MPI_Comm_rank(MPI_COMM_WORLD, rank);
  MPI_Comm_size(MPI_COMM_WORLD, size);
  return 0;
}

void vicsim_mpi_finalize() { MPI_Finalize(); }

void vicsim_mpi_bcast_size(unsigned long long* n) {
  MPI_Bcast(n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
}

void vicsim_mpi_bcast_bytes(char* data, int n) { MPI_Bcast(data, n, MPI_CHAR, 0, MPI_COMM_WORLD); }

void vicsim_mpi_send_root(int tag, const char* data, int n) {
  MPI_Send(data, n, MPI_CHAR, 0, tag, MPI_COMM_WORLD);
}

/** If a message has arrived: its tag and size (then call vicsim_mpi_recv); else returns 0. */
int vicsim_mpi_probe(int* tag, int* source, int* n) {
  int flag = 0;
  MPI_Status st;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
  if (!flag) return 0;
  MPI_Get_count(&st, MPI_CHAR, n);
  *tag = st.MPI_TAG;
  *source = st.MPI_SOURCE;
  return 1;
}

void vicsim_mpi_recv(int source, int tag, char* data, int n) {
  MPI_Recv(data, n, MPI_CHAR, source, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
}

void vicsim_mpi_barrier() { MPI_Barrier(MPI_COMM_WORLD); }

void vicsim_mpi_abort(int code) { MPI_Abort(MPI_COMM_WORLD, code); }

}  // extern "C"
