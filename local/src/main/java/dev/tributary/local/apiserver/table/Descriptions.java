package dev.tributary.local.apiserver.table;

/**
 * Column descriptions shared by several printers. kubectl never shows descriptions; these are our
 * own short wording, not the upstream API documentation strings.
 */
final class Descriptions {

  static final String NAME = "The object's name, unique within its namespace.";
  static final String CREATION_TIMESTAMP = "How long ago the object was created.";
  static final String CREATED_AT = "When the object was created (RFC 3339, UTC).";
  static final String CONTAINERS = "Names of the containers in the pod template.";
  static final String IMAGES = "Images of the containers in the pod template.";
  static final String SELECTOR = "The label selector of the pods it manages.";

  private Descriptions() {}
}
