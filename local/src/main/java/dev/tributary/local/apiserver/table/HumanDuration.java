package dev.tributary.local.apiserver.table;

import java.time.Duration;

/**
 * Kubernetes' two age formats ({@code k8s.io/apimachinery/pkg/util/duration}). Built-in printers
 * use {@link #human} ({@code 2m30s}, {@code 5h12m}, {@code 3d4h}); CRD {@code date} columns use
 * {@link #shortHuman} ({@code 2m}, {@code 5h}, {@code 3d}). Both treat a duration down to one
 * second negative as zero (clock skew) and anything more negative as {@code <invalid>}.
 */
public final class HumanDuration {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;
  private static final long YEAR = 365 * DAY;

  private HumanDuration() {}

  /** {@code duration.HumanDuration}: about two to three significant figures. */
  public static String human(Duration d) {
    long seconds = truncatedSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 2 * MINUTE) {
      return seconds + "s";
    }
    long minutes = seconds / MINUTE;
    if (minutes < 10) {
      long s = seconds % MINUTE;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 3 * 60) {
      return minutes + "m";
    }
    long hours = seconds / HOUR;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return (hours / 24) + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
    }
    return (hours / 24 / 365) + "y";
  }

  /** {@code duration.ShortHumanDuration}: one unit only. */
  public static String shortHuman(Duration d) {
    long seconds = truncatedSeconds(d);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < MINUTE) {
      return seconds + "s";
    } else if (seconds / MINUTE < 60) {
      return (seconds / MINUTE) + "m";
    } else if (seconds / HOUR < 24) {
      return (seconds / HOUR) + "h";
    } else if (seconds / HOUR < 24 * 365) {
      return (seconds / DAY) + "d";
    }
    return (seconds / YEAR) + "y";
  }

  /** Whole seconds, truncated toward zero as Go's {@code int(d.Seconds())} does. */
  private static long truncatedSeconds(Duration d) {
    long seconds = d.getSeconds(); // floors
    if (seconds < 0 && d.getNano() > 0) {
      seconds++;
    }
    return seconds;
  }
}
