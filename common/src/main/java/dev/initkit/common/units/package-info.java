/**
 * The value types users type on the command line and in environment variables: durations ({@code
 * 500ms}, {@code 1h30m}) and data sizes ({@code 512KiB}, {@code 10MB}).
 *
 * <p>Parsers throw {@link java.lang.IllegalArgumentException} with a one-line message that names
 * the input and the accepted forms, so the command layer can show it as it is (exit 2).
 */
package dev.initkit.common.units;
