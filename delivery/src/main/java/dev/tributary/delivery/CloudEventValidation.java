package dev.tributary.delivery;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What sdk-go's {@code Event.Validate} checks on a received event, with its messages: non-empty id,
 * source and type; when present, a parseable datacontenttype, an absolute dataschema and a
 * non-empty subject. (Spec version and attribute types are checked while decoding.)
 */
final class CloudEventValidation {

  private CloudEventValidation() {}

  /**
   * The problems with {@code event}, as {@code "<attribute>: <message>"}, sorted; empty if none.
   */
  static List<String> problems(CloudEvent event) {
    List<String> problems = new ArrayList<>();
    String contentType = event.getDataContentType();
    if (contentType != null) {
      if (contentType.isBlank()) {
        problems.add(
            "datacontenttype: if present, MUST adhere to the format specified in RFC 2046");
      } else {
        String error = MediaTypes.parseError(contentType.strip());
        if (error != null) {
          problems.add("datacontenttype: failed to parse RFC 2046 media type " + error);
        }
      }
    }
    if (event.getDataSchema() != null && !event.getDataSchema().isAbsolute()) {
      problems.add(
          "dataschema: if present, MUST adhere to the format specified in RFC 3986, Section 4.3."
              + " Absolute URI");
    }
    if (isBlank(event.getId())) {
      problems.add("id: MUST be a non-empty string");
    }
    if (event.getSource() == null || event.getSource().toString().isBlank()) {
      problems.add("source: REQUIRED");
    }
    if (event.getSubject() != null && event.getSubject().isBlank()) {
      problems.add("subject: if present, MUST be a non-empty string");
    }
    if (isBlank(event.getType())) {
      problems.add("type: MUST be a non-empty string");
    }
    return problems;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
