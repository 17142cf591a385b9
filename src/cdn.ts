// The <script type="module"> entry: registers every element and exposes the public API.
import './define.js';
export * from './index.js';
