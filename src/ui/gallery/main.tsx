import { render } from "solid-js/web";
import "../theme";
import "./gallery.css";
import { Gallery } from "./Gallery";

const root = document.getElementById("root");
if (root) render(() => <Gallery />, root);
