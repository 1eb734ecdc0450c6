/**
 * A key to the grid's conventions (input, exception, error, brackets), for the foot of the grid or
 * a help panel. Static: it uses the same classes as the cells, so it always matches them.
 */
export function GridLegend() {
  return (
    <dl class="pc-grid-legend" aria-label="Grid key">
      <div>
        <dt>
          <span class="pc-grid-legend-swatch pc-grid-cell pc-grid-input pc-fig">1,234</span>
        </dt>
        <dd>input</dd>
      </div>
      <div>
        <dt>
          <span class="pc-grid-legend-swatch pc-grid-cell pc-fig">1,234</span>
        </dt>
        <dd>calculated</dd>
      </div>
      <div>
        <dt>
          <span class="pc-grid-legend-swatch pc-grid-cell pc-grid-exception pc-fig">
            <span class="pc-grid-badge" />
            1,234
          </span>
        </dt>
        <dd>exception rule in this period</dd>
      </div>
      <div>
        <dt>
          <span class="pc-grid-legend-swatch pc-grid-cell pc-grid-error pc-fig">
            <span class="pc-grid-errcode">P4003</span>
          </span>
        </dt>
        <dd>error (hover for the message)</dd>
      </div>
      <div>
        <dt>
          <span class="pc-grid-legend-swatch pc-grid-cell pc-fig">(1,234)</span>
        </dt>
        <dd>negative</dd>
      </div>
      <div>
        <dt>
          <span class="pc-grid-legend-swatch pc-grid-cell pc-grid-marked pc-fig">1,234</span>
        </dt>
        <dd>used by the selected figure</dd>
      </div>
    </dl>
  );
}
