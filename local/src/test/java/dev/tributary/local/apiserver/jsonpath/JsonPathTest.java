package dev.tributary.local.apiserver.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final JsonNode SOURCE =
      json(
          """
          {"metadata": {"name": "test-ping-source", "labels": {"app.kubernetes.io/name": "ping", "tier": "web"},
                        "annotations": {}},
           "spec": {"schedule": "*/1 * * * *", "replicas": 3, "ratio": 0.5, "paused": false,
                    "ports": [{"name": "http", "port": 80}, {"name": "https", "port": 443}],
                    "empty": [], "nothing": null},
           "status": {"sinkUri": "http://event-display.default.svc.cluster.local",
                      "conditions": [
                        {"type": "Deployed", "status": "True"},
                        {"type": "Ready", "status": "True", "reason": "Fine"},
                        {"type": "SinkProvided", "status": "False"}]}}
          """);

  /** Evaluates a printer-column path and prints every result of its first part. */
  private static String column(String path) throws JsonPathException {
    List<List<JsonNode>> results = JsonPath.parseColumn(path).findResults(SOURCE);
    return JsonPath.printResults(results.get(0));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".metadata.name | test-ping-source",
        ".status.sinkUri | http://event-display.default.svc.cluster.local",
        ".spec.schedule | */1 * * * *",
        ".spec.replicas | 3",
        ".spec.ratio | 0.5",
        ".spec.paused | false",
        ".spec.ports[0].port | 80",
        ".spec.ports[1].name | https",
        ".spec.ports[-1].name | https",
        ".spec.ports[*].port | 80 443",
        ".spec.ports[0:1].name | http",
        ".spec.ports[*]['name'] | http https",
        "['spec']['schedule'] | */1 * * * *",
        "['spec.schedule'] | */1 * * * *",
        ".metadata.labels.app\\.kubernetes\\.io/name | ping",
        ".metadata.labels.* | ping web",
        ".spec.ports[0,1].port | 80 443",
        ".spec.ports[0]['name','port'] | http 80",
        "..port | 80 443",
        "$.metadata.name | test-ping-source",
        ".status.conditions[?(@.type==\"Ready\")].status | True",
        ".status.conditions[?(@.type=='Ready')].status | True",
        ".status.conditions[?(@.type == 'Ready')].reason | Fine",
        ".status.conditions[?(@.type!='Ready')].type | Deployed SinkProvided",
        ".status.conditions[?(@.reason)].type | Ready",
        ".status.conditions[?(@.type<'R')].type | Deployed",
        ".status.conditions[?(@.type>='R')].type | Ready SinkProvided",
        ".spec.ports[?(@.port>100)].name | https",
        ".spec.ports[?(@.port==80)].name | http",
        ".spec.ports[?(@.port<=80.5)].name | http",
        ".spec.ports[?(@.name==@.name)].port | 80 443",
        ".spec.ports[0] | '{\"name\":\"http\",\"port\":80}'",
        ".metadata.annotations | '{}'",
        ".spec.empty | '[]'",
      })
  void evaluatesLikeClientGo(String path, String expected) throws JsonPathException {
    assertThat(column(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".status.missing",
        ".nope.deeper.still",
        ".status.conditions[?(@.type=='Absent')].status",
        ".status.conditions[?(@.nope=='x')].status",
        ".status.conditions[?(@.type==1)].status", // a string never equals a number
        ".spec.ports.port", // a field of an array is nothing, not an error
        ".spec.schedule.inner",
        ".spec.nothing.inner",
        ".spec.empty[*]",
        ".spec.paused[?(@.x)]",
      })
  void missingFieldsYieldNoResult(String path) throws JsonPathException {
    List<List<JsonNode>> results = JsonPath.parseColumn(path).findResults(SOURCE);
    assertThat(results).hasSize(1);
    assertThat(results.get(0)).isEmpty();
    assertThat(JsonPath.parseColumn(path).firstResult(SOURCE)).isNull();
  }

  @Test
  void aNullValueIsAResultButNothingBelowIt() throws JsonPathException {
    JsonNode value = JsonPath.parseColumn(".spec.nothing").firstResult(SOURCE);
    assertThat(value).isNotNull();
    assertThat(value.isNull()).isTrue();
    assertThat(JsonPath.printValue(value)).isEqualTo("<no value>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        ".spec.ports[5].name | array index out of bounds: index 5, length 2",
        ".spec.ports[2:9].name | array index out of bounds: index 2, length 2",
        ".spec.ports[1:0].name | starting index 1 is greater than ending index 0",
        ".spec.ports[0:2:0].name | step must be > 0",
        ".spec.schedule[0] | string is not array or slice",
        ".metadata[0] | map[string]interface {} is not array or slice",
        ".status.conditions[?(@.type)].type[0] | string is not array or slice",
        ".status.conditions[?(@.*=='True')] | can only compare one element at a time",
        ".status.conditions[?(@.type=<'x')] | unrecognized filter operator =<",
        "range .metadata | unsupported identifier range",
      })
  void evaluationErrorsAreReportedAndFirstResultIsEmpty(String path, String message)
      throws JsonPathException {
    JsonPath parsed = JsonPath.parseColumn(path);
    assertThatThrownBy(() -> parsed.findResults(SOURCE))
        .isInstanceOf(JsonPathException.class)
        .hasMessage(message);
    assertThat(parsed.firstResult(SOURCE)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        ".spec.ports[ | unterminated array",
        ".status.conditions[?(@.type=='Ready' | unterminated filter",
        ".status.conditions[?(@.type=='Ready')x | unclosed array expect ]",
        ".spec.ports[a] | invalid array index a",
        ".spec.ports[1:-] | array index - is not a number",
        "..a..b | (none)",
        ".a....b | invalid multiple recursive descent",
        "'abc | unterminated quoted string",
        ".a # | unrecognized character in action: U+0023 '#'",
        "\"\\q\" | unquote string \"\\q\" error invalid syntax",
      })
  void syntaxErrorsAreReported(String path, String message) {
    if (message.equals("(none)")) {
      // two separate recursive descents are fine; only "..." back to back is refused
      assertThatCode(() -> JsonPath.parseColumn(path)).doesNotThrowAnyException();
      return;
    }
    assertThatThrownBy(() -> JsonPath.parseColumn(path))
        .isInstanceOf(JsonPathException.class)
        .hasMessage(message);
  }

  @Test
  void anActionMustBeClosed() {
    assertThatThrownBy(() -> JsonPath.parse("{.metadata.name"))
        .isInstanceOf(JsonPathException.class)
        .hasMessage("unclosed action");
  }

  @Test
  void aTemplateMixesTextAndActions() throws JsonPathException {
    List<List<JsonNode>> results =
        JsonPath.parse("name={.metadata.name}, port={.spec.ports[0].port}").findResults(SOURCE);
    assertThat(results).hasSize(4);
    assertThat(results.stream().map(JsonPath::printResults))
        .containsExactly("name=", "test-ping-source", ", port=", "80");
  }

  @Test
  void quotedStringsUnescape() throws JsonPathException {
    JsonNode data =
        json("{\"items\": [{\"v\": \"it's\"}, {\"v\": \"a\\\"b\"}, {\"v\": \"tab\\t\"}]}");
    assertThat(JsonPath.printResults(first("{.items[?(@.v=='it\\'s')].v}", data)))
        .isEqualTo("it's");
    assertThat(JsonPath.printResults(first("{.items[?(@.v==\"a\\\"b\")].v}", data)))
        .isEqualTo("a\"b");
    assertThat(JsonPath.printResults(first("{.items[?(@.v==\"tab\\t\")].v}", data)))
        .isEqualTo("tab\t");
  }

  @Test
  void recursiveDescentVisitsContainersInKeyOrder() throws JsonPathException {
    JsonNode data =
        json("{\"b\": {\"name\": \"2\"}, \"a\": {\"name\": \"1\", \"c\": [{\"name\": \"3\"}]}}");
    assertThat(JsonPath.printResults(first("{..name}", data))).isEqualTo("1 3 2");
  }

  @Test
  void filtersApplyToObjectValuesToo() throws JsonPathException {
    JsonNode data = json("{\"m\": {\"x\": {\"k\": 1}, \"y\": {\"k\": 2}}}");
    assertThat(JsonPath.printResults(first("{.m[?(@.k==2)]}", data))).isEqualTo("{\"k\":2}");
  }

  @Test
  void booleansCompareOnlyForEquality() throws JsonPathException {
    JsonNode data = json("{\"l\": [{\"on\": true, \"n\": 1}, {\"on\": false, \"n\": 2}]}");
    assertThat(JsonPath.printResults(first("{.l[?(@.on==true)].n}", data))).isEqualTo("1");
    assertThat(JsonPath.printResults(first("{.l[?(@.on!=true)].n}", data))).isEqualTo("2");
    assertThat(first("{.l[?(@.on>false)].n}", data)).isEmpty();
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"text\"' | text",
        "42 | 42",
        "-7 | -7",
        "1.5 | 1.5",
        "2.0 | 2",
        "100000.0 | 100000",
        "1000000.0 | 1e+06",
        "1234567.5 | 1.2345675e+06",
        "0.0001 | 0.0001",
        "0.00001 | 1e-05",
        "true | true",
        "null | <no value>",
        "'{\"b\": 1, \"a\": [true, null, 0.5]}' | '{\"a\":[true,null,0.5],\"b\":1}'",
        "'{\"html\": \"<a&b>\"}' | '{\"html\":\"\\u003ca\\u0026b\\u003e\"}'",
        "'[1e21, 1e-7, 123.0]' | '[1e+21,1e-7,123]'",
      })
  void printsValuesAsGoDoes(String value, String printed) {
    assertThat(JsonPath.printValue(json(value))).isEqualTo(printed);
  }

  private static List<JsonNode> first(String template, JsonNode data) throws JsonPathException {
    return JsonPath.parse(template).findResults(data).get(0);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
