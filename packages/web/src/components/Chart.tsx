import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  type ChartType,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';
import { cx } from './classNames.ts';

// Chart.js is the one charting library of the app; only the parts the charts use are registered.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);
Chart.defaults.font.family = '"Noto Sans Variable", "Noto Sans", "Segoe UI", Arial, sans-serif';
Chart.defaults.color = 'hsl(0 0% 20%)';
// No movement: the chart is there at once (and nobody who asked for less motion gets it).
Chart.defaults.animation = false;
// The width follows the container, the height is the frame's (ChartCanvas `height`).
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;

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
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={cx('wr-chart-frame', className)} style={{ blockSize: height }}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}
