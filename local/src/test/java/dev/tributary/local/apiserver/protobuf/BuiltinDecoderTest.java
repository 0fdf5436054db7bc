package dev.tributary.local.apiserver.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.local.apiserver.registry.BuiltinResources;
import dev.tributary.local.apiserver.registry.ResourceType;
import org.junit.jupiter.api.Test;

class BuiltinDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BuiltinDecoder decoder = new BuiltinDecoder(BuiltinResources::all);

  private static ResourceType kind(String apiVersion, String kind) {
    return BuiltinResources.all().stream()
        .filter(t -> t.apiVersion().equals(apiVersion) && t.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  private DecodedObject decode(String apiVersion, String kind, String body) throws Exception {
    return decoder.decode(kind(apiVersion, kind), json(body));
  }

  private static final String DEPLOYMENT =
      "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d','labels':{'a':'b'}},"
          + "'spec':{'replicas':2,'selector':{'matchLabels':{'a':'b'}},"
          + "'strategy':{'rollingUpdate':{'maxSurge':'25%%','maxUnavailable':1}},"
          + "'template':{'metadata':{'labels':{'a':'b'}},'spec':{%s"
          + "'containers':[{'name':'c','image':'i','ports':[{'containerPort':80}],"
          + "'resources':{'limits':{'cpu':0.5,'memory':'64Mi'}},"
          + "'readinessProbe':{'httpGet':{'path':'/','port':'http'}}%s}],"
          + "'volumes':[{'name':'v','configMap':{'name':'cm'}}]}}},"
          + "'status':{'replicas':1}}";

  private static String deployment(String podSpecExtra, String containerExtra) {
    return String.format(DEPLOYMENT, podSpecExtra, containerExtra);
  }

  @Test
  void aWellTypedObjectPassesUnchangedButForNumericQuantities() throws Exception {
    DecodedObject decoded = decode("apps/v1", "Deployment", deployment("", ""));

    assertThat(decoded.unknownFields()).isEmpty();
    ObjectNode expected = json(deployment("", ""));
    ((ObjectNode) expected.at("/spec/template/spec/containers/0/resources/limits"))
        .put("cpu", "0.5");
    assertThat(decoded.object()).isEqualTo(expected);
  }

  @Test
  void theInputIsNeverChanged() throws Exception {
    ObjectNode body = json(deployment("'foo':1,", ""));
    ObjectNode before = body.deepCopy();

    decoder.decode(kind("apps/v1", "Deployment"), body);

    assertThat(body).isEqualTo(before);
  }

  @Test
  void aNumberInAStringMapNamesTheGoStructField() {
    assertThatThrownBy(
            () ->
                decode(
                    "v1",
                    "ConfigMap",
                    "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'num'},'data':{'a':1}}"))
        .isInstanceOf(GoTypeError.class)
        .hasMessage(
            "json: cannot unmarshal number into Go struct field ConfigMap.data of type string");
  }

  @Test
  void nestedErrorsNameTheInnermostStructAndThePathWithoutIndices() {
    assertThatThrownBy(
            () ->
                decode(
                    "apps/v1",
                    "Deployment",
                    deployment("", ",'image':7".replace("'image':'i',", ""))))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field"
                + " Container.spec.template.spec.containers.image of type string");
    assertThatThrownBy(() -> decode("apps/v1", "Deployment", deployment("", ",'args':['a',true]")))
        .hasMessage(
            "json: cannot unmarshal bool into Go struct field"
                + " Container.spec.template.spec.containers.args of type string");
  }

  @Test
  void wrongContainersNameTheSliceOrElementType() {
    assertThatThrownBy(() -> decode("apps/v1", "Deployment", deployment("'nodeSelector':[],", "")))
        .hasMessage(
            "json: cannot unmarshal array into Go struct field"
                + " PodSpec.spec.template.spec.nodeSelector of type map[string]string");
    assertThatThrownBy(
            () ->
                decode("v1", "Pod", "{'metadata':{'name':'p'},'spec':{'containers':{'name':'c'}}}"))
        .hasMessage(
            "json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type"
                + " []v1.Container");
    assertThatThrownBy(
            () -> decode("v1", "Pod", "{'metadata':{'name':'p'},'spec':{'containers':['c']}}"))
        .hasMessage(
            "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type"
                + " v1.Container");
    assertThatThrownBy(() -> decode("v1", "Pod", "{'metadata':{'name':'p'},'spec':'x'}"))
        .hasMessage(
            "json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec");
  }

  @Test
  void integersMustFitWithoutFraction() {
    assertThatThrownBy(
            () ->
                decode(
                    "apps/v1", "Deployment", "{'metadata':{'name':'d'},'spec':{'replicas':'2'}}"))
        .hasMessage(
            "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of"
                + " type int32");
    assertThatThrownBy(
            () ->
                decode(
                    "apps/v1", "Deployment", "{'metadata':{'name':'d'},'spec':{'replicas':1.5}}"))
        .hasMessage(
            "json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas"
                + " of type int32");
    assertThatThrownBy(
            () ->
                decode(
                    "apps/v1",
                    "Deployment",
                    "{'metadata':{'name':'d'},'spec':{'replicas':3000000000}}"))
        .hasMessageContaining("number 3000000000 into Go struct field");
  }

  @Test
  void intOrStringTakesBothButNothingElse() throws Exception {
    assertThat(decode("v1", "Service", service("80")).unknownFields()).isEmpty();
    assertThat(decode("v1", "Service", service("'http'")).unknownFields()).isEmpty();
    assertThatThrownBy(() -> decode("v1", "Service", service("true")))
        .hasMessage(
            "json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort"
                + " of type int32");
    assertThatThrownBy(() -> decode("v1", "Service", service("8.5")))
        .hasMessage(
            "json: cannot unmarshal number 8.5 into Go struct field"
                + " ServicePort.spec.ports.targetPort of type int32");
  }

  private static String service(String targetPort) {
    return "{'metadata':{'name':'s'},'spec':{'ports':[{'port':80,'targetPort':"
        + targetPort
        + "}]}}";
  }

  @Test
  void quantitiesTakeNumbersAsStringsAndRefuseTheRest() throws Exception {
    DecodedObject decoded = decode("v1", "Pod", pod("{'cpu':2,'memory':'1Gi'}"));
    assertThat(decoded.object().at("/spec/containers/0/resources/requests/cpu").asText())
        .isEqualTo("2");
    assertThat(decoded.object().at("/spec/containers/0/resources/requests/cpu").isTextual())
        .isTrue();
    assertThatThrownBy(() -> decode("v1", "Pod", pod("{'cpu':'lots'}")))
        .isInstanceOf(GoTypeError.class)
        .hasMessageStartingWith("quantities must match the regular expression");
    assertThatThrownBy(() -> decode("v1", "Pod", pod("{'cpu':true}")))
        .hasMessageStartingWith("quantities must match the regular expression");
  }

  private static String pod(String requests) {
    return "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i',"
        + "'resources':{'requests':"
        + requests
        + "}}]}}";
  }

  @Test
  void unknownFieldsAreDroppedAndNamedWithIndices() throws Exception {
    DecodedObject decoded =
        decode("apps/v1", "Deployment", deployment("'foo':{'x':1},", ",'bar':true"));

    assertThat(decoded.unknownFields())
        .containsExactly("spec.template.spec.foo", "spec.template.spec.containers[0].bar");
    assertThat(decoded.object())
        .isEqualTo(decode("apps/v1", "Deployment", deployment("", "")).object());
  }

  @Test
  void unknownFieldsAnywhere() throws Exception {
    DecodedObject decoded =
        decode(
            "v1",
            "ConfigMap",
            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','Labels':{}},"
                + "'spec':{'foo':1},'data':{'a':'b'}}");

    assertThat(decoded.unknownFields()).containsExactly("metadata.Labels", "spec");
    assertThat(decoded.object())
        .isEqualTo(
            json(
                "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'a':'b'}}"));
  }

  @Test
  void metadataSystemFieldsStatusAndRawFieldsAreKnown() throws Exception {
    DecodedObject decoded =
        decode(
            "v1",
            "Pod",
            "{'metadata':{'name':'p','uid':'u','resourceVersion':'1','generation':3,"
                + "'creationTimestamp':'2024-01-02T03:04:05Z','finalizers':['f'],"
                + "'ownerReferences':[{'apiVersion':'v1','kind':'X','name':'x','uid':'u','controller':true}],"
                + "'managedFields':[{'manager':'m','operation':'Apply','time':'2024-01-02T03:04:05Z',"
                + "'fieldsType':'FieldsV1','fieldsV1':{'f:metadata':{'any':{}}}}]},"
                + "'spec':{'containers':[{'name':'c','image':'i'}],"
                + "'volumes':[{'name':'v','emptyDir':{'sizeLimit':'1Gi'}}]},"
                + "'status':{'phase':'Running','startTime':'2024-01-02T03:04:05Z',"
                + "'conditions':[{'type':'Ready','status':'True'}]}}");

    assertThat(decoded.unknownFields()).isEmpty();
  }

  @Test
  void timesMustBeRfc3339Strings() {
    assertThatThrownBy(() -> decode("v1", "Pod", "{'metadata':{'name':'p','creationTimestamp':5}}"))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field"
                + " ObjectMeta.metadata.creationTimestamp of type string");
    assertThatThrownBy(
            () -> decode("v1", "Pod", "{'metadata':{'name':'p','creationTimestamp':'yesterday'}}"))
        .hasMessageStartingWith("parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\"");
  }

  @Test
  void secretDataIsBase64() throws Exception {
    assertThat(
            decode("v1", "Secret", "{'metadata':{'name':'s'},'data':{'a':'aGk='}}").unknownFields())
        .isEmpty();
    assertThatThrownBy(() -> decode("v1", "Secret", "{'metadata':{'name':'s'},'data':{'a':'h!'}}"))
        .hasMessage("illegal base64 data at input byte 1");
    assertThatThrownBy(() -> decode("v1", "Secret", "{'metadata':{'name':'s'},'data':{'a':1}}"))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field Secret.data of type []uint8");
  }

  @Test
  void inlinedAndRenamedFieldsAreKnown() throws Exception {
    DecodedObject decoded =
        decode(
            "admissionregistration.k8s.io/v1",
            "ValidatingWebhookConfiguration",
            "{'metadata':{'name':'w'},'webhooks':[{'name':'a.b.c','admissionReviewVersions':['v1'],"
                + "'sideEffects':'None','clientConfig':{'url':'https://x'},"
                + "'rules':[{'apiGroups':[''],'apiVersions':['v1'],'resources':['pods'],"
                + "'operations':['CREATE'],'scope':'*'}]}]}");

    assertThat(decoded.unknownFields()).isEmpty();
  }

  @Test
  void typeMetaMustBeStrings() {
    assertThatThrownBy(() -> decode("v1", "ConfigMap", "{'kind':1,'metadata':{'name':'c'}}"))
        .hasMessage(
            "json: cannot unmarshal number into Go struct field ConfigMap.kind of type string");
  }

  @Test
  void nullsAreAcceptedEverywhere() throws Exception {
    assertThat(
            decode(
                    "apps/v1",
                    "Deployment",
                    "{'metadata':{'name':'d','labels':null},'spec':{'replicas':null,"
                        + "'template':{'spec':{'containers':[{'name':'c','args':null}]}}}}")
                .unknownFields())
        .isEmpty();
  }

  @Test
  void kindsWithoutAGoTypeHerePassAsTheyAre() throws Exception {
    ObjectNode lease = json("{'metadata':{'name':'l'},'spec':{'anything':1}}");

    DecodedObject decoded = decoder.decode(kind("coordination.k8s.io/v1", "Lease"), lease);

    assertThat(decoded.object()).isSameAs(lease);
    assertThat(decoded.unknownFields()).isEmpty();
  }
}
