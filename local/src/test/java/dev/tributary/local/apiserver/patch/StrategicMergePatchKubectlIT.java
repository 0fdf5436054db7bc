package dev.tributary.local.apiserver.patch;

import static dev.tributary.local.apiserver.patch.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks our strategic merge patch against apimachinery's own: {@code kubectl patch --local}
 * applies a strategic merge patch with the same Go code kube-apiserver runs, without a server.
 */
class StrategicMergePatchKubectlIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final BuiltinPatchSchemas SCHEMAS = new BuiltinPatchSchemas();

  private static final String POD =
      "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','finalizers':['a','b','c'],"
          + "'ownerReferences':[{'apiVersion':'apps/v1','kind':'ReplicaSet','name':'rs','uid':'1'}]},"
          + "'spec':{'containers':[{'name':'app','image':'a','args':['x'],"
          + "'ports':[{'containerPort':80},{'containerPort':81}],"
          + "'env':[{'name':'A','value':'a'},{'name':'S','value':'server'},{'name':'B','value':'b'}]},"
          + "{'name':'side','image':'s'}],"
          + "'volumes':[{'name':'v','configMap':{'name':'cm'}},{'name':'w','emptyDir':{}}],"
          + "'securityContext':{'runAsUser':1},'tolerations':[{'key':'k'}]}}";

  private static final String DEPLOYMENT =
      "{'apiVersion':'apps/v1','kind':'Deployment',"
          + "'metadata':{'name':'d','labels':{'a':'1','b':'2'},"
          + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{old}'}},"
          + "'spec':{'replicas':1,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},"
          + "'template':{'spec':{'containers':["
          + "{'name':'c1','image':'i1','env':[{'name':'A','value':'a'},{'name':'B','value':'b'}],"
          + "'ports':[{'containerPort':80}]},"
          + "{'name':'c2','image':'i2'}]}}}}";

  private static final String SERVICE =
      "{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'},"
          + "'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443,'targetPort':8443}],"
          + "'selector':{'app':'x'}}}";

  @TempDir static Path home;

  private static String kubectl;

  @BeforeAll
  static void findKubectl() {
    kubectl =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(dir -> Path.of(dir, "kubectl"))
            .filter(p -> p.toFile().canExecute())
            .map(Path::toString)
            .findFirst()
            .orElse(null);
  }

  static Stream<Arguments> patches() {
    return Stream.of(
        Arguments.of(
            "kubectl apply's patch of the reference, §7.4",
            DEPLOYMENT,
            "{'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{new}'},"
                + "'labels':{'b':null}},"
                + "'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':null,'type':'Recreate'},"
                + "'template':{'spec':{'$setElementOrder/containers':[{'name':'c1'}],"
                + "'containers':[{'name':'c1','image':'i1b',"
                + "'$setElementOrder/env':[{'name':'B'}],'env':[{'$patch':'delete','name':'A'}],"
                + "'$setElementOrder/ports':[{'containerPort':8080}],"
                + "'ports':[{'containerPort':8080},{'$patch':'delete','containerPort':80}]},"
                + "{'$patch':'delete','name':'c2'}]}}}}"),
        Arguments.of(
            "kubectl apply's patch of the reference, §10.3",
            DEPLOYMENT,
            "{'spec':{'replicas':2,'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'c1'},{'name':'c2'}],"
                + "'containers':[{'image':'i1:v2','name':'c1'}]}}}}"),
        Arguments.of(
            "a new container without order",
            POD,
            "{'spec':{'containers':[{'name':'new','image':'n'}]}}"),
        Arguments.of(
            "a new container, reordering, with an order",
            POD,
            "{'spec':{'$setElementOrder/containers':[{'name':'side'},{'name':'new'},{'name':'app'}],"
                + "'containers':[{'name':'new','image':'n'}]}}"),
        Arguments.of(
            "env merged by name, server-only kept in place",
            POD,
            "{'spec':{'containers':[{'name':'app','$setElementOrder/env':"
                + "[{'name':'B'},{'name':'A'},{'name':'C'}],'env':[{'name':'A','value':'a2'},"
                + "{'name':'C','value':'c'}]}]}}"),
        Arguments.of(
            "ports by containerPort without order",
            POD,
            "{'spec':{'containers':[{'name':'app','ports':[{'containerPort':81,'name':'x'},"
                + "{'containerPort':82}]}]}}"),
        Arguments.of(
            "finalizers as a set, with deletion and order",
            POD,
            "{'metadata':{'$setElementOrder/finalizers':['c','d','a'],'finalizers':['d'],"
                + "'$deleteFromPrimitiveList/finalizers':['b']}}"),
        Arguments.of(
            "finalizers as a set without order", POD, "{'metadata':{'finalizers':['d','a']}}"),
        Arguments.of(
            "ownerReferences by uid",
            POD,
            "{'metadata':{'ownerReferences':[{'apiVersion':'v1','kind':'X','name':'x','uid':'2'},"
                + "{'uid':'1','name':'renamed','apiVersion':'apps/v1','kind':'ReplicaSet'}]}}"),
        Arguments.of(
            "a volume source switched with $retainKeys",
            POD,
            "{'spec':{'volumes':[{'name':'v','$retainKeys':['name','secret'],"
                + "'secret':{'secretName':'s'}}]}}"),
        Arguments.of(
            "$patch replace and delete, atomic lists replaced",
            POD,
            "{'spec':{'securityContext':{'$patch':'delete'},'tolerations':[{'key':'t'}],"
                + "'containers':[{'name':'app','args':['y'],'env':[{'name':'Z','value':'z'},"
                + "{'$patch':'replace'}]}]}}"),
        Arguments.of(
            "a whole list replaced",
            POD,
            "{'spec':{'containers':[{'name':'only','image':'o'},{'$patch':'replace'}]}}"),
        Arguments.of(
            "service ports by port",
            SERVICE,
            "{'spec':{'ports':[{'port':443,'targetPort':9443},{'port':80,'$patch':'delete'}]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("patches")
  void matchesApimachinery(String name, String live, String patch) throws Exception {
    assumeTrue(kubectl != null, "kubectl is not on the PATH");
    ObjectNode liveObject = object(live);
    PatchSchema schema =
        SCHEMAS
            .forKind(liveObject.get("apiVersion").asText(), liveObject.get("kind").asText())
            .orElseThrow();

    ObjectNode ours = StrategicMergePatch.apply(liveObject, object(patch), schema);

    assertThat(ours).isEqualTo(kubectlPatch(live, patch));
  }

  private static JsonNode kubectlPatch(String live, String patch)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                kubectl,
                "patch",
                "--local",
                "-f",
                "-",
                "--type",
                "strategic",
                "-o",
                "json",
                "-p",
                patch.replace('\'', '"'))
            .redirectErrorStream(false)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    env.clear();
    env.put("PATH", path);
    env.put("HOME", home.toString());
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(live.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("kubectl exit status").isZero();
    return MAPPER.readTree(output);
  }
}
