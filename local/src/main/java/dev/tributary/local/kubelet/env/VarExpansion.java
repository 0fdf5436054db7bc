package dev.tributary.local.kubelet.env;

import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} expansion of env values, command and args: {@code $(NAME)} becomes
 * NAME's value when NAME is defined and stays as written when not; {@code $$} escapes a dollar; any
 * other {@code $} is kept. Pure.
 */
public final class VarExpansion {
  private VarExpansion() {}

  /** {@code input} with every defined reference replaced. */
  public static String expand(String input, Map<String, String> variables) {
    if (input == null || input.indexOf('$') < 0) {
      return input;
    }
    StringBuilder out = new StringBuilder(input.length());
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c != '$' || i + 1 >= input.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = input.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '(') {
        int close = input.indexOf(')', i + 2);
        if (close < 0) {
          // An unterminated reference is kept as written.
          out.append(input, i, input.length());
          break;
        }
        String name = input.substring(i + 2, close);
        String value = variables.get(name);
        out.append(value != null ? value : input.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c).append(next);
        i += 2;
      }
    }
    return out.toString();
  }
}
