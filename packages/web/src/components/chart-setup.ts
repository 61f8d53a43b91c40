import * as ChartJs from 'chart.js';
// `Chart` by name: taken out of the namespace object, it made the bundler keep all of Chart.js (33 kB more).
import { Chart } from 'chart.js';

// Chart.js is the one charting library of the app; only the parts the charts use are registered. This
// module is loaded on demand (components/Chart.tsx), so pages without a chart do not carry it.
Chart.register(
  ChartJs.BarController,
  ChartJs.BarElement,
  ChartJs.CategoryScale,
  ChartJs.Legend,
  ChartJs.LinearScale,
  ChartJs.LineController,
  ChartJs.LineElement,
  ChartJs.PointElement,
  ChartJs.Tooltip,
);
Chart.defaults.font.family = '"Noto Sans Variable", "Noto Sans", "Segoe UI", Arial, sans-serif';
Chart.defaults.color = 'hsl(0 0% 20%)';
// No movement: the chart is there at once (and nobody who asked for less motion gets it).
Chart.defaults.animation = false;
// The width follows the container, the height is the frame's (ChartCanvas `height`).
Chart.defaults.responsive = true;
Chart.defaults.maintainAspectRatio = false;

export { Chart };
