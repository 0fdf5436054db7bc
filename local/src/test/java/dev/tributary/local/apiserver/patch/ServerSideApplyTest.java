package dev.tributary.local.apiserver.patch;

import static dev.tributary.local.apiserver.patch.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {

  private static final PatchSchema DEPLOYMENT =
      new BuiltinPatchSchemas().forKind("apps/v1", "Deployment").orElseThrow();

  @Test
  void withoutALiveObjectTheConfigurationIsTheObject() throws PatchException {
    ObjectNode applied =
        object(
            "{'apiVersion':'sources.knative.dev/v1','kind':'PingSource',"
                + "'metadata':{'name':'p'},'spec':{'schedule':'* * * * *'}}");

    assertThat(ServerSideApply.apply(null, applied, "sources.knative.dev/v1", Optional.empty()))
        .isEqualTo(applied);
  }

  @Test
  void mergesABuiltinConfigurationByMergeKeysKeepingFieldsItDoesNotName() throws PatchException {
    ObjectNode live =
        object(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d','uid':'u'},"
                + "'spec':{'replicas':1,'template':{'spec':{'containers':["
                + "{'name':'c','image':'i1','env':[{'name':'A','value':'a'}]}]}}},"
                + "'status':{'replicas':1}}");
    ObjectNode applied =
        object(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},"
                + "'spec':{'replicas':3,'template':{'spec':{'containers':["
                + "{'name':'c','image':'i2','env':[{'name':'A','value':'a2'}]}]}}}}");

    ObjectNode result = ServerSideApply.apply(live, applied, "apps/v1", Optional.of(DEPLOYMENT));

    assertThat(result)
        .isEqualTo(
            object(
                "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d','uid':'u'},"
                    + "'spec':{'replicas':3,'template':{'spec':{'containers':["
                    + "{'name':'c','image':'i2','env':[{'name':'A','value':'a2'}]}]}}},"
                    + "'status':{'replicas':1}}"));
    assertThat(live.at("/spec/replicas").asInt()).isEqualTo(1);
  }

  @Test
  void mergesACustomResourceConfigurationLikeAMergePatch() throws PatchException {
    ObjectNode live =
        object(
            "{'apiVersion':'sources.knative.dev/v1','kind':'PingSource','metadata':{'name':'p'},"
                + "'spec':{'schedule':'* * * * *','sink':{'uri':'http://a'},'tags':['x','y']}}");
    ObjectNode applied =
        object(
            "{'apiVersion':'sources.knative.dev/v1','kind':'PingSource','metadata':{'name':'p'},"
                + "'spec':{'schedule':'*/2 * * * *','tags':['z']}}");

    ObjectNode result =
        ServerSideApply.apply(live, applied, "sources.knative.dev/v1", Optional.empty());

    assertThat(result.get("spec"))
        .isEqualTo(Json.parse("{'schedule':'*/2 * * * *','sink':{'uri':'http://a'},'tags':['z']}"));
  }

  @Test
  void refusesAnotherVersionAndManagedFieldsAsKubeApiserverDoes() {
    ObjectNode wrongVersion = object("{'apiVersion':'apps/v1beta1','kind':'Deployment'}");
    ObjectNode managed =
        object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'managedFields':[]}}");

    assertThatThrownBy(
            () -> ServerSideApply.apply(null, wrongVersion, "apps/v1", Optional.of(DEPLOYMENT)))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Incorrect version specified in apply patch. Specified patch version:"
                          + " apps/v1beta1, expected: apps/v1");
            });
    assertThatThrownBy(
            () -> ServerSideApply.apply(null, managed, "apps/v1", Optional.of(DEPLOYMENT)))
        .hasMessage("metadata.managedFields must be nil");
  }
}
