package dev.tributary.local.apiserver.patch;

import static dev.tributary.local.apiserver.patch.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

  private static final BuiltinPatchSchemas SCHEMAS = new BuiltinPatchSchemas();
  private static final PatchSchema DEPLOYMENT = SCHEMAS.forKind("apps/v1", "Deployment").get();
  private static final PatchSchema POD = SCHEMAS.forKind("v1", "Pod").get();

  private static final String LIVE_DEPLOYMENT =
      "{'apiVersion':'apps/v1','kind':'Deployment',"
          + "'metadata':{'name':'event-display','namespace':'default','uid':'u-1',"
          + "'resourceVersion':'5','generation':1,"
          + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{old}\\n'},"
          + "'labels':{'app':'event-display'}},"
          + "'spec':{'replicas':1,'selector':{'matchLabels':{'app':'event-display'}},"
          + "'strategy':{'type':'RollingUpdate',"
          + "'rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},"
          + "'template':{'metadata':{'labels':{'app':'event-display'}},"
          + "'spec':{'containers':[{'name':'event-display',"
          + "'image':'gcr.io/knative-releases/event_display:v1',"
          + "'ports':[{'containerPort':8080,'protocol':'TCP'}],"
          + "'imagePullPolicy':'IfNotPresent'}],'restartPolicy':'Always'}}},"
          + "'status':{'replicas':1,'conditions':[{'type':'Available','status':'True'}]}}";

  @Test
  void appliesKubectlApplysPatchForNewReplicasAndImage() throws PatchException {
    // kubectl-api-surface.md §10.3: what `kubectl apply` sends after replicas 1 -> 2 and a new
    // image.
    ObjectNode live = object(LIVE_DEPLOYMENT);
    ObjectNode patch =
        object(
            "{'metadata':{'annotations':{"
                + "'kubectl.kubernetes.io/last-applied-configuration':'{new}\\n'}},"
                + "'spec':{'replicas':2,'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'event-display'}],"
                + "'containers':[{'image':'gcr.io/knative-releases/event_display:v2',"
                + "'name':'event-display'}]}}}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, DEPLOYMENT);

    ObjectNode expected = object(LIVE_DEPLOYMENT);
    expected.with("spec").put("replicas", 2);
    expected
        .withObject("/metadata/annotations")
        .put("kubectl.kubernetes.io/last-applied-configuration", "{new}\n");
    ((ObjectNode) expected.at("/spec/template/spec/containers/0"))
        .put("image", "gcr.io/knative-releases/event_display:v2");
    assertThat(result).isEqualTo(expected);
    assertThat(live).as("live untouched").isEqualTo(object(LIVE_DEPLOYMENT));
  }

  @Test
  void appliesTheFullKubectlPatchOfTheReference() throws PatchException {
    // kubectl-api-surface.md §7.4: a label removed, the strategy switched with $retainKeys,
    // an env var, a port and a whole container deleted, with $setElementOrder everywhere.
    ObjectNode live =
        object(
            "{'metadata':{'name':'d','labels':{'a':'1','b':'2'},"
                + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{old}'}},"
                + "'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}},"
                + "'template':{'spec':{'containers':["
                + "{'name':'c1','image':'i1','env':[{'name':'A','value':'a'},{'name':'B','value':'b'}],"
                + "'ports':[{'containerPort':80}]},"
                + "{'name':'c2','image':'i2'}]}}}}");
    ObjectNode patch =
        object(
            "{'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{new}'},"
                + "'labels':{'b':null}},"
                + "'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':null,'type':'Recreate'},"
                + "'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'c1'}],"
                + "'containers':["
                + "{'name':'c1','image':'i1b',"
                + "'$setElementOrder/env':[{'name':'B'}],"
                + "'env':[{'$patch':'delete','name':'A'}],"
                + "'$setElementOrder/ports':[{'containerPort':8080}],"
                + "'ports':[{'containerPort':8080},{'$patch':'delete','containerPort':80}]},"
                + "{'$patch':'delete','name':'c2'}]}}}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, DEPLOYMENT);

    assertThat(result)
        .isEqualTo(
            object(
                "{'metadata':{'name':'d','labels':{'a':'1'},"
                    + "'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{new}'}},"
                    + "'spec':{'strategy':{'type':'Recreate'},"
                    + "'template':{'spec':{'containers':["
                    + "{'name':'c1','image':'i1b','env':[{'name':'B','value':'b'}],"
                    + "'ports':[{'containerPort':8080}]}]}}}}"));
  }

  @Test
  void mergesEnvByNameKeepingWhatThePatchDoesNotName() throws PatchException {
    ObjectNode live =
        object(
            "{'spec':{'containers':[{'name':'c','env':["
                + "{'name':'A','value':'a'},{'name':'B','value':'b','valueFrom':null}]}]}}");
    ObjectNode patch =
        object(
            "{'spec':{'containers':[{'name':'c','env':["
                + "{'name':'B','value':'b2'},{'name':'C','value':'c'}]}]}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, POD);

    assertThat(result.at("/spec/containers/0/env"))
        .isEqualTo(
            Json.parse(
                "[{'name':'A','value':'a'},{'name':'B','value':'b2','valueFrom':null},"
                    + "{'name':'C','value':'c'}]"));
  }

  @Test
  void setElementOrderGivesTheFinalOrderAndKeepsServerOnlyElementsWhereTheyWere()
      throws PatchException {
    // As apimachinery orders it: the named elements B, A, C in the directive's order, and the
    // server-only S placed before B because S came before B in the live list.
    ObjectNode live =
        object(
            "{'spec':{'containers':[{'name':'c','env':["
                + "{'name':'A','value':'a'},{'name':'S','value':'server'},{'name':'B','value':'b'}]}]}}");
    ObjectNode patch =
        object(
            "{'spec':{'containers':[{'name':'c',"
                + "'$setElementOrder/env':[{'name':'B'},{'name':'A'},{'name':'C'}],"
                + "'env':[{'name':'C','value':'c'}]}]}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, POD);

    assertThat(result.at("/spec/containers/0/env").findValuesAsText("name"))
        .containsExactly("S", "B", "A", "C");
  }

  @Test
  void withoutAnOrderANewElementComesFirstAsInKubeApiserver() throws PatchException {
    ObjectNode live = object("{'spec':{'containers':[{'name':'app','image':'a'}]}}");
    ObjectNode patch = object("{'spec':{'containers':[{'name':'sidecar','image':'s'}]}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, POD);

    assertThat(result.at("/spec/containers"))
        .isEqualTo(Json.parse("[{'name':'sidecar','image':'s'},{'name':'app','image':'a'}]"));
  }

  @Test
  void deletesAContainerWithPatchDelete() throws PatchException {
    ObjectNode live =
        object(
            "{'spec':{'containers':[{'name':'c1','image':'i1'},{'name':'c2','image':'i2'}],"
                + "'initContainers':[{'name':'init','image':'x'}]}}");
    ObjectNode patch = object("{'spec':{'containers':[{'name':'c1','$patch':'delete'}]}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, POD);

    assertThat(result)
        .isEqualTo(
            object(
                "{'spec':{'containers':[{'name':'c2','image':'i2'}],"
                    + "'initContainers':[{'name':'init','image':'x'}]}}"));
  }

  @Test
  void deletesFinalizersWithDeleteFromPrimitiveListAndMergesThemAsASet() throws PatchException {
    ObjectNode live =
        object("{'metadata':{'name':'d','finalizers':['a.example/x','b.example/y','c']}}");

    ObjectNode deleted =
        StrategicMergePatch.apply(
            live,
            object("{'metadata':{'$deleteFromPrimitiveList/finalizers':['b.example/y','nope']}}"),
            DEPLOYMENT);
    ObjectNode added =
        StrategicMergePatch.apply(
            live,
            object(
                "{'metadata':{'$setElementOrder/finalizers':['a.example/x','b.example/y','c','d'],"
                    + "'finalizers':['c','d']}}"),
            DEPLOYMENT);

    assertThat(deleted.at("/metadata/finalizers")).isEqualTo(Json.parse("['a.example/x','c']"));
    assertThat(added.at("/metadata/finalizers"))
        .isEqualTo(Json.parse("['a.example/x','b.example/y','c','d']"));
  }

  @Test
  void mergesOwnerReferencesByUidAndServicePortsByPort() throws PatchException {
    ObjectNode pod = object("{'metadata':{'ownerReferences':[{'uid':'1','name':'rs'}]},'spec':{}}");
    ObjectNode service =
        object("{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443,'targetPort':8443}]}}");

    ObjectNode owned =
        StrategicMergePatch.apply(
            pod, object("{'metadata':{'ownerReferences':[{'uid':'2','name':'other'}]}}"), POD);
    ObjectNode ports =
        StrategicMergePatch.apply(
            service,
            object("{'spec':{'ports':[{'port':80,'targetPort':9090}]}}"),
            SCHEMAS.forKind("v1", "Service").get());

    assertThat(owned.at("/metadata/ownerReferences").findValuesAsText("uid"))
        .containsExactlyInAnyOrder("1", "2");
    assertThat(ports.at("/spec/ports"))
        .isEqualTo(Json.parse("[{'port':80,'targetPort':9090},{'port':443,'targetPort':8443}]"));
  }

  @Test
  void replacesListsWithoutMergeStrategy() throws PatchException {
    ObjectNode live =
        object(
            "{'spec':{'tolerations':[{'key':'a'}],'containers':[{'name':'c',"
                + "'args':['x','y'],'envFrom':[{'configMapRef':{'name':'m'}}]}]}}");
    ObjectNode patch =
        object(
            "{'spec':{'tolerations':[{'key':'b'}],'containers':[{'name':'c',"
                + "'args':['z'],'envFrom':[{'secretRef':{'name':'s'}}]}]}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, POD);

    assertThat(result).isEqualTo(patch);
  }

  @Test
  void patchReplaceReplacesAMapOrAList() throws PatchException {
    ObjectNode live =
        object(
            "{'spec':{'selector':{'matchLabels':{'a':'1'},'matchExpressions':[]},"
                + "'template':{'spec':{'containers':[{'name':'c1'},{'name':'c2'}]}}}}");
    ObjectNode patch =
        object(
            "{'spec':{'selector':{'$patch':'replace','matchLabels':{'b':'2'}},"
                + "'template':{'spec':{'containers':[{'name':'c3'},{'$patch':'replace'}]}}}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, DEPLOYMENT);

    assertThat(result)
        .isEqualTo(
            object(
                "{'spec':{'selector':{'matchLabels':{'b':'2'}},"
                    + "'template':{'spec':{'containers':[{'name':'c3'}]}}}}"));
  }

  @Test
  void patchDeleteOnAMapEmptiesItAsKubeApiserverDoes() throws PatchException {
    ObjectNode live = object("{'spec':{'template':{'spec':{'securityContext':{'runAsUser':1}}}}}");
    ObjectNode patch =
        object("{'spec':{'template':{'spec':{'securityContext':{'$patch':'delete'}}}}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, DEPLOYMENT);

    assertThat(result.at("/spec/template/spec/securityContext")).isEqualTo(object("{}"));
  }

  @Test
  void storesNewValuesWithoutDirectivesOrNulls() throws PatchException {
    ObjectNode live = object("{'spec':{}}");
    ObjectNode patch =
        object(
            "{'spec':{'containers':[{'name':'c','image':'i','command':null,"
                + "'$setElementOrder/env':[{'name':'A'}],'env':[{'name':'A','value':'a'},"
                + "{'name':'gone','$patch':'delete'}]}],'nodeSelector':{'$patch':'delete'}}}");

    ObjectNode result = StrategicMergePatch.apply(live, patch, POD);

    assertThat(result)
        .isEqualTo(
            object(
                "{'spec':{'containers':[{'name':'c','image':'i',"
                    + "'env':[{'name':'A','value':'a'}]}]}}"));
  }

  @Test
  void keepsDollarMembersThatAreNotDirectives() throws PatchException {
    PatchSchema crd = SCHEMAS.forKind("apiextensions.k8s.io/v1", "CustomResourceDefinition").get();
    ObjectNode live = object("{'spec':{'versions':[]}}");
    ObjectNode patch = object("{'spec':{'schema':{'$ref':'#/definitions/x','$schema':'s'}}}");

    assertThat(StrategicMergePatch.apply(live, patch, crd).at("/spec/schema"))
        .isEqualTo(Json.parse("{'$ref':'#/definitions/x','$schema':'s'}"));
  }

  @Test
  void neverModifiesItsInputs() throws PatchException {
    ObjectNode live = object(LIVE_DEPLOYMENT);
    ObjectNode patch =
        object(
            "{'spec':{'template':{'spec':{'$setElementOrder/containers':[{'name':'event-display'}],"
                + "'containers':[{'name':'event-display','ports':[{'containerPort':9090}]}]}}}}");
    ObjectNode patchCopy = patch.deepCopy();

    ObjectNode result = StrategicMergePatch.apply(live, patch, DEPLOYMENT);
    ((ObjectNode) result.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", 1);

    assertThat(live).isEqualTo(object(LIVE_DEPLOYMENT));
    assertThat(patch).isEqualTo(patchCopy);
  }

  @Test
  void refusesMalformedDirectivesWith400() {
    ObjectNode live =
        object(
            "{'metadata':{'finalizers':['a']},"
                + "'spec':{'containers':[{'name':'c'}],'strategy':{'type':'x'}}}");

    assertThat(status(live, "{'spec':{'$patch':'explode'}}")).isEqualTo(400);
    assertThat(status(live, "{'spec':{'containers':[{'image':'no-name'}]}}")).isEqualTo(400);
    assertThat(status(live, "{'spec':{'$retainKeys':'type'}}")).isEqualTo(400);
    assertThat(status(live, "{'spec':{'strategy':{'$retainKeys':['type'],'other':1}}}"))
        .isEqualTo(400);
    assertThat(status(live, "{'spec':{'$setElementOrder':[]}}")).isEqualTo(400);
    assertThat(status(live, "{'spec':{'$setElementOrder/containers':{}}}")).isEqualTo(400);
    assertThat(status(live, "{'metadata':{'$deleteFromPrimitiveList/finalizers':'a'}}"))
        .isEqualTo(400);
    assertThat(
            status(
                live,
                "{'spec':{'$setElementOrder/containers':[{'name':'a'}],"
                    + "'containers':[{'name':'b'}]}}"))
        .isEqualTo(400);
    assertThat(status(live, "{'spec':{'containers':['not-an-object']}}")).isEqualTo(400);
  }

  @Test
  void refusesListsOfListsWith422() {
    ObjectNode live = object("{'metadata':{'finalizers':['a']}}");

    assertThatThrownBy(
            () ->
                StrategicMergePatch.apply(
                    live, object("{'metadata':{'finalizers':[['b']]}}"), DEPLOYMENT))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.detail()).isEqualTo("lists of lists are not supported");
            });
  }

  private static int status(ObjectNode live, String patch) {
    try {
      StrategicMergePatch.apply(live, object(patch), DEPLOYMENT_OR_POD);
      return 200;
    } catch (PatchException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.status();
    }
  }

  private static final PatchSchema DEPLOYMENT_OR_POD =
      new PatchSchema(
          java.util.Map.of(
              java.util.List.of("spec", "containers"),
              ListMerge.byKey("name"),
              java.util.List.of("metadata", "finalizers"),
              ListMerge.PRIMITIVE_SET));
}
