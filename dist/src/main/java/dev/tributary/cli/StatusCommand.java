package dev.tributary.cli;

import dev.tributary.local.datadir.DataDir;
import dev.tributary.local.datadir.LockHolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tributary status}: whether a local cluster runs on the data directory, and if so its
 * process, API server and kubeconfig, the Knative control plane's readiness, and what runs where
 * (pods with their 127.x addresses, Services with their cluster addresses).
 *
 * <p>Exit codes, as {@code systemctl status}: 0 running, 3 not running, 1 running but its API
 * server does not answer (or the data directory cannot be read).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show whether the local cluster runs, and what runs in it, where.")
final class StatusCommand implements Callable<Integer> {

  static final int NOT_RUNNING = 3;

  /** How long to wait for the API server to connect and to answer each request. */
  private static final Duration API_TIMEOUT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDirOption;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DataDir dir = DataDir.at(dataDirOption.path());
    Optional<LockHolder> holder;
    try {
      holder = dir.holder();
    } catch (IOException e) {
      err.println("tributary: cannot read the lock of " + dir + ": " + e.getMessage());
      return 1;
    }
    if (holder.isEmpty()) {
      out.println("tributary: not running on " + dir);
      out.println("start it with: tributary up" + dataDirArgument());
      return NOT_RUNNING;
    }
    String pid =
        holder.get().pid().isPresent() ? "pid " + holder.get().pid().getAsLong() : "pid unknown";
    out.println("tributary: running on " + dir + " (" + pid + ")");
    if (!Files.isReadable(dir.kubeconfig())) {
      out.flush();
      err.println(
          "tributary: no kubeconfig in " + dir + " yet; tributary up may still be starting");
      return 1;
    }
    try (ApiServerTables api = ApiServerTables.connect(dir.kubeconfig(), API_TIMEOUT)) {
      out.println("API server: " + api.url());
      out.println("export KUBECONFIG=" + dir.kubeconfig());
      out.flush();
      try {
        String report =
            StatusReport.render(
                api.list(
                    "/apis/apps/v1/namespaces/"
                        + StatusReport.CONTROL_PLANE_NAMESPACE
                        + "/deployments"),
                api.list("/api/v1/pods"),
                api.list("/api/v1/services"));
        out.println();
        out.print(report);
        out.flush(); // print does not flush, and main's System.exit would drop what is buffered
        return 0;
      } catch (ApiServerTables.UnansweredException e) {
        err.println(
            "tributary: the API server at "
                + api.url()
                + " "
                + e.getMessage()
                + "; if tributary up is still starting, try again in a moment");
        return 1;
      }
    } catch (IOException | RuntimeException e) {
      out.flush();
      err.println("tributary: cannot use " + dir.kubeconfig() + ": " + e.getMessage());
      return 1;
    }
  }

  private String dataDirArgument() {
    return dataDirOption.dataDir == null ? "" : " --data-dir " + dataDirOption.dataDir;
  }
}
