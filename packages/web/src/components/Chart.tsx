import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { useEffect, useRef } from 'react';
import { cx } from './classNames.ts';

export interface ChartCanvasProps<T extends ChartType> {
  /** Made once per change of the data (useMemo): a new object draws the chart anew. */
  config: ChartConfiguration<T>;
  /**
   * What the chart shows, in words: the canvas is an image to assistive technology. The numbers
   * themselves are in a table or a text beside the chart, never only in the picture.
   */
  label: string;
  /** The height of the drawing; the width follows the container (390 px included). */
  height: string;
  className?: string;
}

/** A Chart.js chart on a canvas that follows its container's width, named for screen readers. */
export function ChartCanvas<T extends ChartType>({ config, label, height, className }: ChartCanvasProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: Chart<T> | null = null;
    let gone = false;
    // Chart.js comes with the first chart (its own chunk), not with every page.
    void import('./chart-setup.ts').then((setup) => {
      if (gone || !canvas.current) return;
      chart = new setup.Chart(canvas.current, config);
    });
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div className={cx('wr-chart-frame', className)} style={{ blockSize: height }}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
