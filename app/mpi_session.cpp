#include "app/mpi_session.hpp"

#include <cstdlib>
#include <vector>

#ifdef VICSIM_HAVE_MPI
#include <mpi.h>
#endif

namespace vicsim::app {

bool MpiSession::launched_by_mpi() {
  // Open MPI's mpirun, PMIx launchers (srun --mpi=pmix, prterun), and PMI-1/2 launchers (MPICH, srun).
  for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(v)) return true;
  return false;
}

#ifdef VICSIM_HAVE_MPI

bool MpiSession::built_with_mpi() { return true; }

MpiSession::MpiSession() {
  if (!launched_by_mpi()) return;
  MPI_Init(nullptr, nullptr);
  active_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (active_) MPI_Finalize();
}

void MpiSession::broadcast(std::string& data) const {
  if (!active_) return;
  unsigned long long n = data.size();
  MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  data.resize(n);
  if (n > 0) MPI_Bcast(data.data(), static_cast<int>(n), MPI_CHAR, 0, MPI_COMM_WORLD);
}

void MpiSession::send_to_root(Tag tag, const std::string& data) const {
  if (!active_) return;
  MPI_Send(data.data(), static_cast<int>(data.size()), MPI_CHAR, 0, tag, MPI_COMM_WORLD);
}

std::optional<std::pair<MpiSession::Tag, std::string>> MpiSession::poll() const {
  if (!active_) return std::nullopt;
  int flag = 0;
  MPI_Status st;
  MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
  if (!flag) return std::nullopt;
  int n = 0;
  MPI_Get_count(&st, MPI_CHAR, &n);
  std::string data(static_cast<std::size_t>(n), '\0');
  MPI_Recv(data.data(), n, MPI_CHAR, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return std::make_pair(static_cast<Tag>(st.MPI_TAG), std::move(data));
}

void MpiSession::barrier() const {
  if (active_) MPI_Barrier(MPI_COMM_WORLD);
}

void MpiSession::abort(int code) const {
  if (active_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

#else

bool MpiSession::built_with_mpi() { return false; }
MpiSession::MpiSession() = default;
MpiSession::~MpiSession() = default;
void MpiSession::broadcast(std::string&) const {}
void MpiSession::send_to_root(Tag, const std::string&) const {}
std::optional<std::pair<MpiSession::Tag, std::string>> MpiSession::poll() const { return std::nullopt; }
void MpiSession::barrier() const {}
void MpiSession::abort(int code) const { std::exit(code); }

#endif

}  // namespace vicsim::app
