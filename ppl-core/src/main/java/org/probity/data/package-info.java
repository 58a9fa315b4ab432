/**
 * Data input for models: {@link org.probity.data.Data#csv} (Apache Commons CSV) and
 * {@link org.probity.data.Data#json} (Jackson, Stan's data-JSON layout) with typed, checked
 * columns and fields, factors coded 1..K ({@link org.probity.data.Factor}), and
 * {@link org.probity.data.StrictJson} for reading a JSON file into a validated record. Every
 * problem is a {@link org.probity.data.DataException} naming the file, the line and column or the
 * field, and the value.
 */
package org.probity.data;
