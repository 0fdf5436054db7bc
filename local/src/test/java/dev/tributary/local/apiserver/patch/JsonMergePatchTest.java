package dev.tributary.local.apiserver.patch;

import static dev.tributary.local.apiserver.patch.Json.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMergePatchTest {

  /** RFC 7386 Appendix A, row by row. */
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'a':'b'}               | {'a':'c'}                  | {'a':'c'}",
        "{'a':'b'}               | {'b':'c'}                  | {'a':'b','b':'c'}",
        "{'a':'b'}               | {'a':null}                 | {}",
        "{'a':'b','b':'c'}       | {'a':null}                 | {'b':'c'}",
        "{'a':['b']}             | {'a':'c'}                  | {'a':'c'}",
        "{'a':'c'}               | {'a':['b']}                | {'a':['b']}",
        "{'a':{'b':'c'}}         | {'a':{'b':'d','c':null}}   | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}       | {'a':[1]}                  | {'a':[1]}",
        "['a','b']               | ['c','d']                  | ['c','d']",
        "{'a':'b'}               | ['c']                      | ['c']",
        "{'a':'foo'}             | null                       | null",
        "{'a':'foo'}             | 'bar'                      | 'bar'",
        "{'e':null}              | {'a':1}                    | {'e':null,'a':1}",
        "[1,2]                   | {'a':'b','c':null}         | {'a':'b'}",
        "{}                      | {'a':{'bb':{'ccc':null}}}  | {'a':{'bb':{}}}",
      })
  void followsTheRfcExamples(String target, String patch, String expected) {
    JsonNode input = parse(target);

    assertThat(JsonMergePatch.apply(input, parse(patch))).isEqualTo(parse(expected));
    assertThat(input).isEqualTo(parse(target));
  }

  @Test
  void followsTheRfcSection3Example() {
    JsonNode target =
        parse(
            "{'title':'Goodbye!','author':{'givenName':'John','familyName':'Doe'},"
                + "'tags':['example','sample'],'content':'This will be unchanged'}");
    JsonNode patch =
        parse(
            "{'title':'Hello!','phoneNumber':'+01-123-456-7890',"
                + "'author':{'familyName':null},'tags':['example']}");

    assertThat(JsonMergePatch.apply(target, patch))
        .isEqualTo(
            parse(
                "{'title':'Hello!','author':{'givenName':'John'},'tags':['example'],"
                    + "'content':'This will be unchanged','phoneNumber':'+01-123-456-7890'}"));
  }

  @Test
  void theResultSharesNoNodesWithThePatch() {
    JsonNode patch = parse("{'spec':{'list':[1],'nested':{'x':1}}}");

    JsonNode result = JsonMergePatch.apply(parse("{}"), patch);
    ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("spec").get("list")).add(2);

    assertThat(patch).isEqualTo(parse("{'spec':{'list':[1],'nested':{'x':1}}}"));
  }
}
