package dev.tributary.local.apiserver.patch;

import static dev.tributary.local.apiserver.patch.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {

  /** RFC 6902 Appendix A, the examples that succeed, plus pointer escaping and '-'. */
  static Stream<Arguments> appliedExamples() {
    return Stream.of(
        Arguments.of(
            "A.1 adding an object member",
            "{'foo':'bar'}",
            "[{'op':'add','path':'/baz','value':'qux'}]",
            "{'baz':'qux','foo':'bar'}"),
        Arguments.of(
            "A.2 adding an array element",
            "{'foo':['bar','baz']}",
            "[{'op':'add','path':'/foo/1','value':'qux'}]",
            "{'foo':['bar','qux','baz']}"),
        Arguments.of(
            "A.3 removing an object member",
            "{'baz':'qux','foo':'bar'}",
            "[{'op':'remove','path':'/baz'}]",
            "{'foo':'bar'}"),
        Arguments.of(
            "A.4 removing an array element",
            "{'foo':['bar','qux','baz']}",
            "[{'op':'remove','path':'/foo/1'}]",
            "{'foo':['bar','baz']}"),
        Arguments.of(
            "A.5 replacing a value",
            "{'baz':'qux','foo':'bar'}",
            "[{'op':'replace','path':'/baz','value':'boo'}]",
            "{'baz':'boo','foo':'bar'}"),
        Arguments.of(
            "A.6 moving a value",
            "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
            "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
            "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"),
        Arguments.of(
            "A.7 moving an array element",
            "{'foo':['all','grass','cows','eat']}",
            "[{'op':'move','from':'/foo/1','path':'/foo/3'}]",
            "{'foo':['all','cows','eat','grass']}"),
        Arguments.of(
            "A.8 testing a value: success",
            "{'baz':'qux','foo':['a',2,'c']}",
            "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]",
            "{'baz':'qux','foo':['a',2,'c']}"),
        Arguments.of(
            "A.10 adding a nested member object",
            "{'foo':'bar'}",
            "[{'op':'add','path':'/child','value':{'grandchild':{}}}]",
            "{'foo':'bar','child':{'grandchild':{}}}"),
        Arguments.of(
            "A.11 ignoring unrecognized elements",
            "{'foo':'bar'}",
            "[{'op':'add','path':'/baz','value':'qux','xyz':123}]",
            "{'foo':'bar','baz':'qux'}"),
        Arguments.of(
            "A.14 ~ escape ordering",
            "{'/':9,'~1':10}",
            "[{'op':'test','path':'/~01','value':10}]",
            "{'/':9,'~1':10}"),
        Arguments.of(
            "A.16 adding an array value",
            "{'foo':['bar']}",
            "[{'op':'add','path':'/foo/-','value':['abc','def']}]",
            "{'foo':['bar',['abc','def']]}"),
        Arguments.of(
            "~1 addresses a member whose name has a slash (annotation keys)",
            "{'metadata':{'annotations':{'a/b':'1'}}}",
            "[{'op':'replace','path':'/metadata/annotations/a~1b','value':'2'},"
                + "{'op':'add','path':'/metadata/annotations/x~0y','value':'3'}]",
            "{'metadata':{'annotations':{'a/b':'2','x~y':'3'}}}"),
        Arguments.of(
            "copy deep-copies and test compares numbers by value",
            "{'a':{'b':[1]}}",
            "[{'op':'copy','from':'/a','path':'/c'},{'op':'add','path':'/c/b/-','value':2},"
                + "{'op':'test','path':'/a/b/0','value':1.0}]",
            "{'a':{'b':[1]},'c':{'b':[1,2]}}"),
        Arguments.of(
            "an empty path replaces the whole document",
            "{'a':1}",
            "[{'op':'replace','path':'','value':{'b':2}}]",
            "{'b':2}"),
        Arguments.of(
            "like kube-apiserver: negative indices count from the end",
            "{'a':[1,2,3]}",
            "[{'op':'remove','path':'/a/-1'},{'op':'add','path':'/a/-1','value':9}]",
            "{'a':[1,2,9]}"),
        Arguments.of(
            "like kube-apiserver: replace of a missing member adds it",
            "{'spec':{}}",
            "[{'op':'replace','path':'/spec/replicas','value':3}]",
            "{'spec':{'replicas':3}}"),
        Arguments.of(
            "like kube-apiserver: test of a missing member against null passes",
            "{'a':1}",
            "[{'op':'test','path':'/b','value':null}]",
            "{'a':1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("appliedExamples")
  void appliesTheOperations(String name, String document, String patch, String expected)
      throws PatchException {
    JsonNode input = parse(document);

    JsonNode result = JsonPatch.apply(input, parse(patch));

    assertThat(result).isEqualTo(parse(expected));
    assertThat(input).as("input untouched").isEqualTo(parse(document));
  }

  /** RFC 6902 Appendix A, the examples that fail, and other operations that cannot apply. */
  static Stream<Arguments> failingExamples() {
    return Stream.of(
        Arguments.of(
            "A.9 testing a value: error",
            "{'baz':'qux'}",
            "[{'op':'test','path':'/baz','value':'bar'}]",
            "testing value /baz failed: test failed"),
        Arguments.of(
            "A.12 adding to a nonexistent target",
            "{'foo':'bar'}",
            "[{'op':'add','path':'/baz/bat','value':'qux'}]",
            "add operation does not apply: doc is missing path: \"/baz/bat\": missing value"),
        Arguments.of(
            "A.13 invalid patch document (the last 'op' wins, as in Go)",
            "{'foo':'bar'}",
            "[{'op':'add','path':'/baz','value':'qux','op':'remove'}]",
            "error in remove for path: '/baz': Unable to remove nonexistent key: baz: missing value"),
        Arguments.of(
            "A.15 comparing strings and numbers",
            "{'/':9,'~1':10}",
            "[{'op':'test','path':'/~01','value':'10'}]",
            "testing value /~01 failed: test failed"),
        Arguments.of(
            "an index past the end",
            "{'a':[1]}",
            "[{'op':'add','path':'/a/3','value':2}]",
            "error in add for path: '/a/3': Unable to access invalid index: 3: invalid index"
                + " referenced"),
        Arguments.of(
            "'-' outside add",
            "{'a':[1]}",
            "[{'op':'remove','path':'/a/-'}]",
            "error in remove for path: '/a/-': value was not a proper array index: '-'"),
        Arguments.of(
            "moving a value into itself",
            "{'a':{'b':1}}",
            "[{'op':'move','from':'/a','path':'/a/b/c'}]",
            "move operation does not apply: from /a is a prefix of path /a/b/c"),
        Arguments.of(
            "an unknown operation",
            "{}",
            "[{'op':'frobnicate','path':'/a'}]",
            "Unexpected kind: frobnicate"),
        Arguments.of(
            "add without value",
            "{}",
            "[{'op':'add','path':'/a'}]",
            "add operation, missing value field: missing value"),
        Arguments.of(
            "a path that is not a pointer",
            "{'a':1}",
            "[{'op':'remove','path':'a'}]",
            "remove operation does not apply: doc is missing path: \"a\": missing value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failingExamples")
  void refusesWith422AndSaysWhy(String name, String document, String patch, String detail) {
    JsonNode input = parse(document);

    assertThatThrownBy(() -> JsonPatch.apply(input, parse(patch)))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.reason()).isEqualTo("Invalid");
              assertThat(e.getMessage()).isEqualTo(PatchException.GENERIC_UNPROCESSABLE);
              assertThat(e.detail()).isEqualTo(detail);
            });
    assertThat(input).isEqualTo(parse(document));
  }

  @Test
  void aPatchIsAllOrNothing() {
    JsonNode input = parse("{'a':1}");

    assertThatThrownBy(
            () ->
                JsonPatch.apply(
                    input,
                    parse(
                        "[{'op':'add','path':'/b','value':2},"
                            + "{'op':'test','path':'/a','value':2}]")))
        .isInstanceOf(PatchException.class);
    assertThat(input).isEqualTo(parse("{'a':1}"));
  }

  @Test
  void aBodyThatIsNotAListOfOperationsIsABadRequest() {
    assertThatThrownBy(() -> JsonPatch.apply(parse("{}"), parse("{'op':'add'}")))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
            });
    assertThatThrownBy(() -> JsonPatch.apply(parse("{}"), parse("['add']")))
        .isInstanceOfSatisfying(
            PatchException.class, e -> assertThat(e.getMessage()).contains("jsonpatch.Operation"));
  }

  @Test
  void moreOperationsThanKubeApiserverAllowsAreTooLarge() {
    StringBuilder patch = new StringBuilder("[");
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      patch.append(i == 0 ? "" : ",").append("{'op':'test','path':'','value':{}}");
    }
    patch.append(']');

    assertThatThrownBy(() -> JsonPatch.apply(parse("{}"), parse(patch.toString())))
        .isInstanceOfSatisfying(
            PatchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(413);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Request entity too large: The allowed maximum operations in a JSON patch"
                          + " is 10000, got 10001");
            });
  }
}
