package dev.tributary.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {

  @Test
  void sortsMapKeysAndWritesNoSpaces() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", "2");
    m.put("a", List.of("x", "y"));

    assertThat(GoJson.write(m)).isEqualTo("{\"a\":[\"x\",\"y\"],\"b\":\"2\"}");
  }

  @Test
  void escapesHtmlCharactersAsGoDoes() {
    assertThat(GoJson.write(Map.of("k", "<a href=\"x\">&</a>")))
        .isEqualTo("{\"k\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"}");
  }

  @Test
  void escapesControlCharactersAsGoDoes() {
    assertThat(GoJson.write("\b\t\n\f\r\u0001\u001f\u007f"))
        .isEqualTo("\"\\b\\t\\n\\f\\r\\u0001\\u001f\u007f\"");
  }

  @Test
  void escapesLineAndParagraphSeparatorsButNotOtherUnicode() {
    assertThat(GoJson.write("\u2028\u2029é✓")).isEqualTo("\"\\u2028\\u2029é✓\"");
  }
}
