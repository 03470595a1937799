#include "docx/convert.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

#include "docx/messages.h"
#include "util/file.h"

extern char** environ;

namespace banshi::docx {

namespace {

bool executable(const std::filesystem::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

// A private directory, removed with everything in it when this goes.
class TempDir {
 public:
  explicit TempDir(const std::string& display_name) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "banshi-convert-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) fail(display_name, "docx.conversion-failed", {{"reason", std::strerror(errno)}});
    path_ = tmpl;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The tail of the converter's output, for a message.
std::string tail(const std::filesystem::path& log) {
  std::string text;
  try {
    text = read_file(log);
  } catch (const std::exception&) {
    return {};
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  const size_t nl = text.rfind('\n');
  if (nl != std::string::npos) text = text.substr(nl + 1);
  return text.substr(0, 200);
}

}  // namespace

std::string find_converter(const ConvertOptions& options) {
  if (!options.command.empty()) return executable(options.command) ? options.command : std::string();
  if (const char* env = std::getenv("BANSHI_SOFFICE"); env && *env) return executable(env) ? env : std::string();
  const char* path = std::getenv("PATH");
  std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (size_t start = 0; start <= dirs.size();) {
    const size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path dir = dirs.substr(start, end - start);
    for (const char* name : {"soffice", "libreoffice"})
      if (!dir.empty() && executable(dir / name)) return (dir / name).string();
    start = end + 1;
  }
  return {};
}

std::string convert_to_docx(const std::filesystem::path& path, const std::string& display_name,
                            const ConvertOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    fail(display_name,
         std::filesystem::exists(path, ec) ? MessageCode("docx.not-regular-file") : MessageCode("docx.no-such-file"));
  const std::string converter = find_converter(options);
  if (converter.empty()) fail(display_name, "docx.no-converter", {{"extension", path.extension().string()}});

  const TempDir tmp(display_name);
  const std::filesystem::path out_dir = tmp.path() / "out";
  const std::filesystem::path profile = tmp.path() / "profile";
  const std::filesystem::path log = tmp.path() / "log";
  std::filesystem::create_directories(out_dir, ec);
  const std::string input = std::filesystem::absolute(path, ec).string();

  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls.
  std::vector<std::string> args{converter,        "-env:UserInstallation=file://" + profile.string(),
                                "--headless",     "--norestore",
                                "--nologo",       "--convert-to",
                                "docx",           "--outdir",
                                out_dir.string(), input};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; e && *e; ++e)
    if (std::strncmp(*e, "HOME=", 5) != 0) env_strings.emplace_back(*e);
  env_strings.push_back("HOME=" + tmp.path().string());
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string log_path = log.string();

  const pid_t pid = ::fork();
  if (pid < 0) fail(display_name, "docx.conversion-failed", {{"reason", std::strerror(errno)}});
  if (pid == 0) {
    ::setpgid(0, 0);  // its own group, so a time-out stops every process it started
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in >= 0) ::dup2(in, 0);
    if (out >= 0) {
      ::dup2(out, 1);
      ::dup2(out, 2);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::setpgid(pid, pid);

  int timeout = options.timeout_seconds;
  if (timeout <= 0) {
    const char* env = std::getenv("BANSHI_CONVERT_TIMEOUT");
    timeout = env && std::atoi(env) > 0 ? std::atoi(env) : 120;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      fail(display_name, "docx.conversion-timeout", {{"seconds", timeout}});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // soffice may leave helpers behind in its group.
  ::kill(-pid, SIGKILL);

  const std::filesystem::path result = out_dir / (path.stem().string() + ".docx");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::is_regular_file(result, ec)) {
    std::string why = tail(log);
    if (why.empty())
      why = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status)) : "stopped by a signal";
    fail(display_name, "docx.conversion-failed", {{"reason", why}});
  }
  try {
    return read_file(result);
  } catch (const EngineError& e) {
    fail(display_name, "docx.conversion-failed", {{"reason", e.what()}});
  }
}

}  // namespace banshi::docx
