//===--- BlockingCallCheck.cpp - coro-blocking-call ------------------------===//

#include "BlockingCallCheck.h"
#include "FrameworkDefaults.h"

namespace corolint {

static const std::string DefaultEventLoopFunctions =
    (DefaultRunToCompletionFunctions + ";" + DefaultEventLoopRunFunctions).str();

static constexpr llvm::StringLiteral DefaultBlockingIOFunctions =
    "::read;::write;::recv;::send;::recvfrom;::sendto;::recvmsg;::sendmsg;"
    "::accept;::accept4;::connect;::poll;::select;::epoll_wait;"
    "::getaddrinfo;::gethostbyname;::fopen;::fread;::fwrite;::fgets;"
    "::system;::popen;std::getline(std::cin);::curl_easy_perform;"
    "asio::basic_stream_socket::read_some;asio::basic_stream_socket::write_some;"
    "asio::basic_stream_socket::receive;asio::basic_stream_socket::send;"
    "asio::basic_datagram_socket::receive;asio::basic_datagram_socket::send;"
    "asio::basic_datagram_socket::receive_from;"
    "asio::basic_datagram_socket::send_to;asio::basic_socket::connect;"
    "asio::basic_socket_acceptor::accept;asio::read;asio::write;"
    "asio::read_until;asio::read_at;asio::write_at;asio::connect;"
    "asio::ip::basic_resolver::resolve";

static constexpr llvm::StringLiteral DefaultLockFunctions =
    "std::mutex::lock;std::recursive_mutex::lock;std::timed_mutex::lock;"
    "std::recursive_timed_mutex::lock;std::shared_mutex::lock;"
    "std::shared_mutex::lock_shared";

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     clang::tidy::ClangTidyContext *Context)
    : BlockingCheckBase(Name, Context),
      WaitingFunctions(Options.get("WaitingFunctions", DefaultWaitingFunctions)),
      EventLoopFunctions(
          Options.get("EventLoopFunctions", DefaultEventLoopFunctions)),
      BlockingIOFunctions(
          Options.get("BlockingIOFunctions", DefaultBlockingIOFunctions)),
      LockFunctions(Options.get("LockFunctions", DefaultLockFunctions)),
      CheckMutexLock(Options.get("CheckMutexLock", false)),
      ExtraBlockingFunctions(Options.get("ExtraBlockingFunctions", "")),
      NonBlockingMarkers(Options.get("NonBlockingMarkers",
                                     "EAGAIN;EWOULDBLOCK;EINPROGRESS")) {
  Table.add(BlockingKind::Waiting, WaitingFunctions);
  Table.add(BlockingKind::EventLoop, EventLoopFunctions);
  Table.add(BlockingKind::IO, BlockingIOFunctions);
  if (CheckMutexLock)
    Table.add(BlockingKind::Lock, LockFunctions);
  Table.add(BlockingKind::Listed, ExtraBlockingFunctions);
  Table.setNonBlockingMarkers(NonBlockingMarkers);
}

void BlockingCallCheck::storeOptions(
    clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  BlockingCheckBase::storeOptions(Opts);
  Options.store(Opts, "WaitingFunctions", WaitingFunctions);
  Options.store(Opts, "EventLoopFunctions", EventLoopFunctions);
  Options.store(Opts, "BlockingIOFunctions", BlockingIOFunctions);
  Options.store(Opts, "LockFunctions", LockFunctions);
  Options.store(Opts, "CheckMutexLock", CheckMutexLock);
  Options.store(Opts, "ExtraBlockingFunctions", ExtraBlockingFunctions);
  Options.store(Opts, "NonBlockingMarkers", NonBlockingMarkers);
}

} // namespace corolint
